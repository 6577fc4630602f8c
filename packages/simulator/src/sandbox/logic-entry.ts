// Runs inside the logic realm (bundled with the runtime): the worker-side half of the
// container, the same role the browser's logic worker plays.
import { createLogic, type LogicManifest, type ModuleFactory } from '@plaza/runtime';
import { headlessCanvas } from './headless-canvas.ts';

declare const self: {
  __plaza_boot?: () => void;
  __plaza_define?: (path: string, factory: ModuleFactory) => void;
  __plaza_manifest?: string;
  __plaza_logic?: string;
  __plaza_automation?: number;
  __plaza_automated_logic?: unknown;
  onmessage: ((event: { data: unknown }) => void) | null;
  postMessage: (message: unknown) => void;
};

// The simulator sets the package's manifest and logic.js as strings, then boots; the boot
// leaves `__plaza_define` for the simulator to run logic.js as a script of this realm
// (named `plaza-logic.js`): the realm forbids eval, as the platforms' logic threads do.
// Canvases without pixels, where the browser's worker has OffscreenCanvas.
(globalThis as { OffscreenCanvas?: unknown }).OffscreenCanvas = function OffscreenCanvas(
  width: number,
  height: number,
) {
  return headlessCanvas(width, height);
};

self.__plaza_boot = () => {
  const manifest = JSON.parse(self.__plaza_manifest ?? '{}') as LogicManifest;
  const source = self.__plaza_logic ?? '';
  delete self.__plaza_boot;
  delete self.__plaza_manifest;
  delete self.__plaza_logic;
  const logic = createLogic({
    logic: (define) => {
      self.__plaza_define = define;
    },
    source,
    manifest,
    send: (message) => self.postMessage(message),
  });
  self.onmessage = (event) => {
    logic.receive(event.data);
  };
  // Only a launch for the automator hands the logic to scripts the simulator runs here.
  if (self.__plaza_automation === 1) self.__plaza_automated_logic = logic;
  delete self.__plaza_automation;
};
