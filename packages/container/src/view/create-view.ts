import { noteArrayEdit, RenderMemo } from '@plaza/compiler/render-runtime';
import {
  type LogicToViewMessage,
  parseDataPath,
  parseViewInbound,
  replacePath,
  type Unversioned,
  type ViewToLogicMessage,
} from '@plaza/runtime';
import { basicComponents } from './builtins/basic-components.ts';
import type { BuiltinContext, BuiltinRegistry } from './builtins/builtin-registry.ts';
import { composedPath, type DispatchOptions, planDispatch } from './events/event-dispatch.ts';
import { datasetOf } from './events/event-object.ts';
import { listenForGestures } from './events/gesture-listener.ts';
import { answerQuery } from './query/answer-query.ts';
import { disposeNode, type PatchHost, patchChildren } from './render/patch-tree.ts';
import type { RenderedNode, ViewInstance } from './render/rendered-node.ts';
import { StyleInjector, setRpxUnit } from './styles/style-injector.ts';
import type { ElementVNode, ViewModules } from './view-types.ts';

export interface CreateViewOptions {
  /** The document to render into; the view never reaches for `window` or a global document. */
  document: Document;
  /** The element pages are rendered in. */
  root: Element;
  /** The package's compiled templates (the compiler's `ViewRegistry`, from `loadViewBundle`). */
  viewModules: ViewModules;
  /** Messages to the logic layer (events, attach/detach, render acknowledgements, query answers). */
  send: (message: ViewToLogicMessage) => void;
  /** Built-in components; defaults to the basic set. */
  builtins?: BuiltinRegistry;
  /** Width used for `rpx` when the root has no layout (headless DOMs). */
  windowWidth?: number;
}

export interface View {
  /** Hands a logic → view message; returns false when it was dropped as malformed. */
  receive(raw: unknown): boolean;
  /** Re-reads the root's width for `--plaza-rpx`. */
  resize(width?: number): void;
  /** The view's record of an instance (tests and tools). */
  instance(id: string): ViewInstance | undefined;
  /** The element a page renders into. */
  pageElement(id: string): Element | undefined;
  /**
   * The modules `ids` were defined again (`plaza dev`): their stylesheets are replaced in
   * place and every instance renders again with the data it has, so nothing the user did
   * on the page is lost.
   */
  hotSwap(ids: readonly string[]): void;
  destroy(): void;
}

const NOT_PROPERTIES = /^(class|style|id|hidden|slot|data-.*|mark:.*)$/;

/**
 * The view layer: renders pages and components from logic messages into a Document,
 * patches the DOM minimally, and sends events back.
 * @example const view = createView({ document, root, viewModules: loadViewBundle(viewJs), send: (m) => logic.receive(m) });
 */
export function createView(options: CreateViewOptions): View {
  const { document, root, viewModules } = options;
  const builtins = options.builtins ?? basicComponents();
  const send = (message: Unversioned<ViewToLogicMessage>) =>
    options.send({ v: 1, ...message } as ViewToLogicMessage);
  const instances = new Map<string, ViewInstance>();
  const nodes = new WeakMap<Node, RenderedNode>();
  const styles = new StyleInjector(document, root);
  let nextComponentId = 1;
  styles.add('app', viewModules.module('app')?.css);

  const resize = (width?: number) => {
    const measured = width ?? ((root as HTMLElement).clientWidth || options.windowWidth || 375);
    setRpxUnit(root, measured);
  };
  resize();

  const scopeOf = (path: string) => viewModules.module(path)?.styleScope;

  function externalMap(instance: ViewInstance): Record<string, string> {
    const attrs = instance.hostNode?.vnode.kind === 'element' ? instance.hostNode.vnode.attrs : {};
    const map: Record<string, string> = {};
    for (const name of instance.externalClasses)
      map[name] = typeof attrs[name] === 'string' ? (attrs[name] as string) : '';
    return map;
  }

  // Per instance: keyed loop items whose inputs did not change keep their vnodes (and so skip
  // patching); patches are written copy-on-write below so "unchanged" is an identity check.
  const memos = new WeakMap<ViewInstance, RenderMemo>();
  function render(instance: ViewInstance): void {
    const memo = memos.get(instance) ?? new RenderMemo();
    memos.set(instance, memo);
    const vnodes = viewModules.render(instance.path, instance.data, {
      externalClasses: externalMap(instance),
      memo,
    });
    instance.tree = patchChildren(
      patchHost,
      instance.host,
      instance.tree,
      vnodes,
      { owner: instance, parent: instance },
      instance.rendered,
    );
    instance.rendered = vnodes;
    send({ type: 'render.done', instanceId: instance.id, renderId: instance.renderId });
  }

  function propertiesOf(attrs: Record<string, unknown>): Record<string, unknown> {
    const props: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(attrs))
      if (!NOT_PROPERTIES.test(name)) props[camel(name)] = value;
    return props;
  }

  /** Class names as the template wrote them (selectComponent matches those), without the owner's prefix. */
  function classesOf(attrs: Record<string, unknown>, owner: ViewInstance): string[] {
    const prefix = scopeOf(owner.path)?.prefix;
    const tokens = typeof attrs.class === 'string' ? attrs.class.split(/\s+/).filter(Boolean) : [];
    return [...new Set(tokens.map((t) => (prefix && t.startsWith(prefix) ? t.slice(prefix.length) : t)))];
  }

  function dispatchFrom(start: Node, type: string, o: DispatchOptions): boolean {
    const calls = planDispatch(type, composedPath(start, nodes, root), o);
    for (const call of calls) {
      send({
        type: 'event',
        instanceId: call.instanceId,
        handler: call.handler,
        event: call.event,
        ...(call.openType ? { openType: call.openType } : {}),
      });
    }
    return calls.length > 0;
  }

  const patchHost: PatchHost = {
    document,
    builtins,
    nodes,
    createComponent(node, scope) {
      const vnode = node.vnode;
      const instance: ViewInstance = {
        id: `c${nextComponentId++}`,
        kind: 'component',
        path: vnode.component!,
        data: {},
        host: node.dom as Element,
        tree: [],
        owner: scope.owner,
        hostNode: node,
        slots: new Map(),
        externalClasses: [],
        options: {},
        initialised: false,
        renderId: 0,
      };
      instances.set(instance.id, instance);
      // Names the component's instance, as page hosts are named: test drivers find its logic by it.
      instance.host.setAttribute('data-instance', instance.id);
      styles.add(instance.path, viewModules.module(instance.path)?.css);
      send({
        type: 'component.attach',
        instanceId: instance.id,
        ownerId: scope.owner.id,
        parentId: scope.parent.id,
        path: instance.path,
        tag: vnode.tag,
        properties: propertiesOf(vnode.attrs),
        id: typeof vnode.attrs.id === 'string' ? vnode.attrs.id : '',
        classes: classesOf(vnode.attrs, scope.owner),
        dataset: datasetOf(vnode.attrs),
        ...(vnode.model
          ? { models: Object.fromEntries(Object.entries(vnode.model).map(([k, v]) => [camel(k), v])) }
          : {}),
      });
      return instance;
    },
    updateComponent(node, previous) {
      const instance = node.component!;
      const next = propertiesOf(node.vnode.attrs);
      const before = propertiesOf(previous.attrs);
      const changed: Record<string, unknown> = {};
      for (const name of new Set([...Object.keys(before), ...Object.keys(next)])) {
        if (!sameValue(before[name], next[name])) changed[name] = next[name];
      }
      const idChanged = node.vnode.attrs.id !== previous.attrs.id;
      const classChanged = node.vnode.attrs.class !== previous.attrs.class;
      const datasetChanged = !sameValue(datasetOf(node.vnode.attrs), datasetOf(previous.attrs));
      if (Object.keys(changed).length > 0 || idChanged || classChanged || datasetChanged) {
        send({
          type: 'component.props',
          instanceId: instance.id,
          properties: changed,
          ...(idChanged ? { id: typeof node.vnode.attrs.id === 'string' ? node.vnode.attrs.id : '' } : {}),
          ...(classChanged ? { classes: classesOf(node.vnode.attrs, node.owner) } : {}),
          ...(datasetChanged ? { dataset: datasetOf(node.vnode.attrs) } : {}),
        });
      }
      const externalChanged = instance.externalClasses.some(
        (name) => node.vnode.attrs[name] !== previous.attrs[name],
      );
      if (externalChanged && instance.initialised) render(instance);
    },
    destroyComponent(instance) {
      instances.delete(instance.id);
      send({ type: 'component.detach', instanceId: instance.id });
    },
    builtinContext(node): BuiltinContext {
      return {
        document,
        attrs: () => (node.vnode.kind === 'element' ? node.vnode.attrs : {}),
        navigate: (openType, url, delta) => {
          const known = ['navigate', 'redirect', 'switchTab', 'reLaunch', 'navigateBack', 'exit'] as const;
          const type = (known as readonly string[]).includes(openType)
            ? (openType as (typeof known)[number])
            : 'navigate';
          send({
            type: 'view.navigate',
            openType: type,
            ...(url !== undefined ? { url } : {}),
            ...(delta !== undefined ? { delta } : {}),
          });
        },
        contact: (o) => {
          send({
            type: 'view.contact',
            showCard: o.showCard,
            ...(o.path ? { path: o.path } : {}),
            ...(o.title ? { title: o.title } : {}),
          });
        },
        emit: (type, detail, o = {}) => {
          const vnode = node.vnode as ElementVNode;
          // A two-way binding writes the owner's data before the handlers see the event.
          for (const [attr, event] of Object.entries(node.builtin?.model ?? {})) {
            const path = vnode.model?.[attr];
            if (event === type && path) {
              send({
                type: 'model.update',
                instanceId: node.owner.id,
                path,
                value: (detail as { value?: unknown })?.value,
              });
            }
          }
          dispatchFrom(node.dom, type, {
            bubbles: o.bubbles ?? false,
            composed: false,
            capturePhase: true,
            detail,
            timeStamp: Date.now(),
            ...(o.openType ? { openType: o.openType } : {}),
          });
        },
      };
    },
    slotCarrier(component, name) {
      let carrier = component.slots.get(name);
      if (!carrier) {
        carrier = document.createElement('plaza-slot');
        if (name) carrier.setAttribute('name', name);
        component.slots.set(name, carrier);
      }
      return carrier;
    },
    hostClass: (path) => scopeOf(path)?.hostClass ?? '',
  };

  const stopGestures = listenForGestures(root, (target, type, detail, timeStamp, touches, changedTouches) =>
    dispatchFrom(target, type, {
      bubbles: true,
      composed: true,
      capturePhase: true,
      detail,
      timeStamp,
      touches,
      changedTouches,
    }),
  );

  // A test driver (the automator's `Element.triggerEvent`) fires a template event on an element
  // as its component would: only code of this frame can dispatch DOM events here.
  const triggered = (event: Event) => {
    const { type, detail } = ((event as CustomEvent).detail ?? {}) as { type?: unknown; detail?: unknown };
    if (typeof type !== 'string' || !event.target) return;
    dispatchFrom(event.target as Node, type, {
      bubbles: false,
      composed: false,
      capturePhase: true,
      detail: detail ?? {},
      timeStamp: Date.now(),
    });
  };
  root.addEventListener('plaza-trigger', triggered);

  function destroyPage(instance: ViewInstance): void {
    for (const node of instance.tree) disposeNode(patchHost, node);
    instances.delete(instance.id);
    instance.host.parentNode?.removeChild(instance.host);
  }

  const waitingQueries = new Map<string, LogicToViewMessage[]>();
  function askWaiting(id: string): void {
    const waiting = waitingQueries.get(id);
    waitingQueries.delete(id);
    for (const query of waiting ?? []) handle(query);
  }

  // The render of a keyed loop then rebuilds only the rows a patch wrote.
  const noteCopy = (copy: unknown[], original: unknown[], index: number) =>
    noteArrayEdit(copy, original, [index]);

  function handle(message: LogicToViewMessage): void {
    switch (message.type) {
      case 'page.create': {
        const host = document.createElement('plaza-page');
        host.setAttribute('data-path', message.path);
        host.setAttribute('data-instance', message.instanceId);
        root.appendChild(host);
        const page: ViewInstance = {
          id: message.instanceId,
          kind: 'page',
          path: message.path,
          data: message.data,
          host,
          tree: [],
          slots: new Map(),
          externalClasses: [],
          options: message.options ?? {},
          initialised: true,
          renderId: message.renderId,
        };
        instances.set(page.id, page);
        styles.addPage(page.path, viewModules.module(page.path)?.css);
        render(page);
        askWaiting(page.id);
        return;
      }
      case 'page.navigate': {
        const top = message.stack[message.stack.length - 1];
        const visible = top?.instanceId;
        if (top) styles.showPage(top.path);
        for (const instance of instances.values()) {
          if (instance.kind !== 'page') continue;
          if (instance.id === visible) instance.host.removeAttribute('hidden');
          else instance.host.setAttribute('hidden', '');
        }
        return;
      }
      case 'page.destroy': {
        const page = instances.get(message.instanceId);
        if (page) destroyPage(page);
        return;
      }
      case 'patch': {
        const instance = instances.get(message.instanceId);
        if (!instance) return;
        for (const [key, value] of Object.entries(message.changes))
          replacePath(instance.data, parseDataPath(key), value, noteCopy);
        instance.renderId = message.renderId;
        if (instance.initialised) render(instance);
        return;
      }
      case 'component.init': {
        const instance = instances.get(message.instanceId);
        if (!instance) return;
        instance.data = message.data;
        instance.options = message.options;
        instance.host.toggleAttribute('data-virtual-host', message.options.virtualHost === true);
        instance.externalClasses = message.externalClasses;
        instance.renderId = message.renderId;
        instance.initialised = true;
        render(instance);
        askWaiting(instance.id);
        return;
      }
      case 'component.trigger': {
        const instance = instances.get(message.instanceId);
        if (!instance) return;
        dispatchFrom(instance.host, message.name, {
          bubbles: !!message.options.bubbles,
          composed: !!message.options.composed,
          capturePhase: !!message.options.capturePhase,
          detail: message.detail,
          timeStamp: Date.now(),
        });
        return;
      }
      case 'query.request': {
        // Asked in onLoad, before the page was rendered here: answered once it is.
        const unrendered = message.requests.find((r) => r.scopeId && !instances.get(r.scopeId)?.initialised);
        if (unrendered?.scopeId) {
          waitingQueries.set(unrendered.scopeId, [
            ...(waitingQueries.get(unrendered.scopeId) ?? []),
            message,
          ]);
          return;
        }
        const top = [...instances.values()]
          .filter((i) => i.kind === 'page' && !i.host.hasAttribute('hidden'))
          .pop();
        const results = message.requests.map((request) => {
          const scope = request.scopeId ? instances.get(request.scopeId) : top;
          return answerQuery(request, scope, root, nodes, scope ? scopeOf(scope.path) : undefined);
        });
        send({ type: 'query.result', queryId: message.queryId, results });
        return;
      }
    }
  }

  return {
    receive(raw) {
      const parsed = parseViewInbound(raw);
      if (!parsed.ok) {
        console.warn(`[plaza view] dropped message: ${parsed.reason}`);
        return false;
      }
      handle(parsed.message);
      return true;
    },
    resize,
    instance: (id) => instances.get(id),
    pageElement: (id) => (instances.get(id)?.kind === 'page' ? instances.get(id)!.host : undefined),
    hotSwap(ids) {
      for (const id of ids) {
        const css = viewModules.module(id)?.css;
        if (styles.replace(id, css)) continue;
        // A stylesheet that was empty until now goes in as it would have on first render.
        const user = [...instances.values()].find((instance) => instance.path === id);
        if (id === 'app') styles.add('app', css);
        else if (user?.kind === 'page' && !user.host.hasAttribute('hidden')) styles.addPage(id, css);
        else if (user) styles.add(id, css);
      }
      // Render functions were replaced: loop items remembered from the old ones are not reused.
      const all = [...instances.values()];
      for (const instance of all) {
        memos.delete(instance);
        if (instance.initialised && instances.get(instance.id) === instance) render(instance);
      }
    },
    destroy() {
      stopGestures();
      root.removeEventListener('plaza-trigger', triggered);
      for (const instance of [...instances.values()]) if (instance.kind === 'page') destroyPage(instance);
    },
  };
}

/** `item-count` → `itemCount`: properties are declared camelCase, attributes may be dashed. */
function camel(name: string): string {
  return name.replace(/-([a-z])/g, (_, c: string) => c.toUpperCase());
}

function sameValue(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  return JSON.stringify(a) === JSON.stringify(b);
}
