import type { LogicToViewMessage } from '@plaza/runtime';
import { describe, expect, it } from 'vitest';
import { Bridge, type BridgeHooks, type ViewEndpoint } from './bridge.ts';

function setup() {
  const toLogic: unknown[] = [];
  const toHost: unknown[] = [];
  const dropped: string[] = [];
  const frames = new Map<string, LogicToViewMessage[]>();
  const endpoints = new Map<string, ViewEndpoint>();
  const hooks: BridgeHooks = {
    pageCreated(message) {
      const received: LogicToViewMessage[] = [];
      frames.set(message.instanceId, received);
      const endpoint = { pageId: message.instanceId, post: (m: LogicToViewMessage) => received.push(m) };
      endpoints.set(message.instanceId, endpoint);
      return endpoint;
    },
    pageDestroyed: () => {},
    navigated: () => {},
    toHost: (m) => toHost.push(m),
    dropped: (from, reason) => dropped.push(`${from}: ${reason}`),
  };
  const bridge = new Bridge((m) => toLogic.push(m), hooks);
  const createPage = (id: string) =>
    bridge.fromLogic({
      v: 1,
      type: 'page.create',
      instanceId: id,
      path: `pages/${id}`,
      query: {},
      data: {},
      renderId: 1,
    });
  return { bridge, toLogic, toHost, dropped, frames, endpoints, createPage };
}

const tap = (instanceId: string) => ({
  v: 1,
  type: 'event',
  instanceId,
  handler: 'onTap',
  event: {
    type: 'tap',
    timeStamp: 1,
    target: { id: '', dataset: {} },
    currentTarget: { id: '', dataset: {} },
    detail: {},
  },
});

describe('the bridge', () => {
  it('holds a selector query asked in onLoad until its page reaches a frame, then asks that frame', () => {
    const { bridge, frames, createPage, dropped } = setup();
    const query = {
      v: 1,
      type: 'query.request',
      queryId: 7,
      requests: [{ scopeId: 'p1', selector: '#c', all: false, fields: { node: true } }],
    };
    bridge.fromLogic(query);
    expect(dropped).toEqual([]);
    createPage('p1');
    expect(frames.get('p1')!.map((m) => m.type)).toEqual(['page.create', 'query.request']);
    // Nothing to wait for: a query naming no page while none is shown is dropped, and said so.
    bridge.fromLogic({ ...query, queryId: 8, requests: [{ selector: '#c', all: false, fields: {} }] });
    expect(dropped).toEqual(['logic: query.request 8 with no page shown']);
  });

  it('drops malformed, unknown, wrong-version and wrong-direction messages, and logs each', () => {
    const { bridge, toLogic, toHost, dropped, createPage, endpoints } = setup();
    createPage('p1');
    const view = endpoints.get('p1')!;
    bridge.fromLogic('not an object');
    bridge.fromLogic({ v: 1, type: 'no.such.message' });
    bridge.fromLogic({ v: 2, type: 'patch', instanceId: 'p1', renderId: 2, changes: {} });
    bridge.fromLogic({ v: 1, type: 'patch', instanceId: 'p1', renderId: 'two', changes: {} });
    bridge.fromView(view, { v: 1, type: 'host.result', callId: 1, ok: true });
    bridge.fromView(view, { ...tap('p1'), event: { type: 'tap' } });
    bridge.fromLogic(tap('p1'));
    expect(dropped).toHaveLength(7);
    expect(dropped[1]).toMatch(/unknown message type/);
    expect(dropped[2]).toMatch(/unsupported protocol version 2/);
    expect(dropped[3]).toMatch(/malformed patch at renderId/);
    expect(dropped[4]).toMatch(/host.result may not come from the view/);
    expect(toLogic).toEqual([]);
    expect(toHost).toEqual([]);
  });

  it('passes valid messages both ways', () => {
    const { bridge, toLogic, toHost, frames, createPage, endpoints } = setup();
    createPage('p1');
    bridge.fromLogic({ v: 1, type: 'patch', instanceId: 'p1', renderId: 2, changes: { count: 1 } });
    expect(frames.get('p1')!.map((m) => m.type)).toEqual(['page.create', 'patch']);
    bridge.fromView(endpoints.get('p1')!, tap('p1'));
    expect(toLogic).toEqual([tap('p1')]);
    bridge.fromLogic({ v: 1, type: 'host.call', callId: 1, method: 'showToast', args: [{ title: 'hi' }] });
    expect(toHost).toHaveLength(1);
  });

  it('lets a page frame speak only for its own page and components', () => {
    const { bridge, toLogic, dropped, createPage, endpoints } = setup();
    createPage('p1');
    createPage('p2');
    bridge.fromView(endpoints.get('p2')!, tap('p1'));
    expect(toLogic).toEqual([]);
    expect(dropped[0]).toMatch(/event for \?p2.p1 from a frame that does not own it|does not own/);
  });

  it('names each frame’s components apart, and translates them back for patches', () => {
    const { bridge, toLogic, frames, createPage, endpoints } = setup();
    createPage('p1');
    createPage('p2');
    const attach = (ownerId: string) => ({
      v: 1,
      type: 'component.attach',
      instanceId: 'c1',
      ownerId,
      parentId: ownerId,
      path: 'components/card/card',
      tag: 'card',
      properties: {},
      id: '',
      classes: [],
      dataset: {},
    });
    bridge.fromView(endpoints.get('p1')!, attach('p1'));
    bridge.fromView(endpoints.get('p2')!, attach('p2'));
    expect(toLogic.map((m) => (m as { instanceId: string }).instanceId)).toEqual(['p1.c1', 'p2.c1']);
    bridge.fromLogic({ v: 1, type: 'patch', instanceId: 'p2.c1', renderId: 3, changes: { a: 1 } });
    const last = frames.get('p2')!.at(-1)!;
    expect(last).toMatchObject({ type: 'patch', instanceId: 'c1' });
    expect(frames.get('p1')!.some((m) => m.type === 'patch')).toBe(false);
  });
});
