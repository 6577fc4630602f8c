import type { HostCapabilities } from '../api/host-capabilities.ts';
import type { ImplementedMember } from '../api/member-registry.ts';
import { MODULE_GLOBALS, type ModuleFactory } from '../loader/module-loader.ts';
import { createLogic, type Logic } from '../logic/create-logic.ts';
import type { LogicManifest } from '../logic/manifest.ts';
import type { LogicOutboundMessage } from '../protocol/messages.ts';
import { createMemoryHost } from './memory-host.ts';

/** A module of a test program: its file and its source body (CommonJS). */
export type ProgramFiles = Record<string, string>;

/** Builds a logic.js text the way the compiler lays it out: one `__plaza_define` per file. */
export function bundleLogic(files: ProgramFiles): string {
  return Object.entries(files)
    .map(
      ([file, body]) =>
        `__plaza_define(${JSON.stringify(file)}, function (require, module, exports, ${MODULE_GLOBALS.join(', ')}) {\n${body}\n});`,
    )
    .join('\n');
}

/**
 * A logic layer with an outbox instead of a view: tests read what it sent and answer
 * as a view would (render.done, attach, events).
 */
export function logicHarness(
  files: ProgramFiles,
  manifest: Partial<LogicManifest> = {},
  host: HostCapabilities = createMemoryHost(),
): {
  logic: Logic;
  sent: LogicOutboundMessage[];
  of<T extends LogicOutboundMessage['type']>(type: T): Extract<LogicOutboundMessage, { type: T }>[];
  tick(): Promise<void>;
} {
  const sent: LogicOutboundMessage[] = [];
  const pages = Object.keys(files)
    .filter((f) => f.startsWith('pages/'))
    .map((f) => f.replace(/\.js$/, ''));
  const logic = createLogic({
    logic: bundleLogic(files),
    manifest: { dialect: 'wx', entryPage: pages[0] ?? '', pages, ...manifest },
    host,
    send: (m) => sent.push(m),
  });
  return {
    logic,
    sent,
    of: (type) => sent.filter((m) => m.type === type) as never,
    tick: () => new Promise<void>((resolve) => setTimeout(() => resolve(), 0)),
  };
}

export type { ModuleFactory };

/** The API object as a test calls it: every supported name, loosely typed. */
// biome-ignore lint/suspicious/noExplicitAny: tests call the API with the dialects' loose shapes
export type ProgramApi = Record<ImplementedMember, (options?: any, ...rest: any[]) => any>;
