import { createLogic, type HostCapabilities, type Logic, type LogicManifest } from '@plaza/runtime';
import { bundleLogic, createMemoryHost } from '@plaza/runtime/testing';
import { basicComponents } from '../builtins/basic-components.ts';
import { BuiltinRegistry } from '../builtins/builtin-registry.ts';
import { createView, type View } from '../create-view.ts';
import type { ViewModules } from '../view-types.ts';
import { connect } from './connect.ts';

/** A logic layer and a view joined by an asynchronous channel, over a given document. */
export interface MountedProgram {
  logic: Logic;
  view: View;
  root: Element;
  host: HostCapabilities & { calls: { method: string; args: unknown[] }[] };
  /** Waits until no message is in flight (renders done, callbacks run). */
  settle(): Promise<void>;
}

export function mountProgram(options: {
  document: Document;
  files?: Record<string, string>;
  logicSource?: string;
  viewModules: ViewModules;
  manifest: Partial<LogicManifest> & { entryPage: string; pages: string[] };
  host?: HostCapabilities & { calls: { method: string; args: unknown[] }[] };
  builtins?: BuiltinRegistry;
}): MountedProgram {
  const root = options.document.createElement('div');
  options.document.body.appendChild(root);
  const channel = connect();
  const host = options.host ?? createMemoryHost();
  const logic = createLogic({
    logic: options.logicSource ?? bundleLogic(options.files ?? {}),
    manifest: { dialect: 'wx', ...options.manifest },
    host,
    send: (m) => {
      if (m.type !== 'error' && m.type !== 'log' && m.type !== 'host.call' && m.type !== 'page.event.result')
        channel.toView(m);
    },
  });
  const view = createView({
    document: options.document,
    root,
    viewModules: options.viewModules,
    send: channel.toLogic,
    builtins: options.builtins ?? new BuiltinRegistry(basicComponents()),
  });
  channel.bind(logic, view);
  return { logic, view, root, host, settle: channel.settle };
}
