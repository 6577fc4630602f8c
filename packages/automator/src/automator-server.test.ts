import { networkInterfaces } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { type AutomatorServer, startAutomatorServer } from './automator-server.ts';
import type { AutomatorDriver } from './driver.ts';
import { simulatorDriver } from './simulator-driver.ts';

const TAKEOUT = new URL('../../../examples/takeout', import.meta.url).pathname;

let driver: AutomatorDriver<Element>;
let server: AutomatorServer;
let socket: WebSocket;
const replies = new Map<unknown, Record<string, unknown>>();
const waiting = new Map<unknown, (reply: Record<string, unknown>) => void>();

/** Sends one raw frame and resolves with the reply carrying `id` (null for frames without one). */
function exchange(frame: string | Buffer, id: unknown): Promise<Record<string, unknown>> {
  return new Promise((resolve) => {
    waiting.set(id, resolve);
    socket.send(frame);
  });
}

let nextId = 1;
function call(method: string, params?: unknown) {
  const id = `r${nextId++}`;
  return exchange(JSON.stringify({ id, method, params }), id);
}

beforeAll(async () => {
  driver = await simulatorDriver(TAKEOUT);
  server = await startAutomatorServer(driver, { port: 0 });
  socket = new WebSocket(server.wsEndpoint);
  socket.on('message', (data) => {
    const reply = JSON.parse(String(data)) as Record<string, unknown>;
    if (!('id' in reply)) return;
    replies.set(reply.id, reply);
    waiting.get(reply.id)?.(reply);
    waiting.delete(reply.id);
  });
  await new Promise((open) => socket.once('open', open));
});

afterAll(async () => {
  socket?.close();
  await server?.close();
  await driver?.close();
});

const codeOf = (reply: Record<string, unknown>) => (reply.error as { code?: string } | undefined)?.code;

describe('the automator server under hostile input', () => {
  it('listens on the loopback interface only', async () => {
    expect(server.wsEndpoint).toMatch(/^ws:\/\/127\.0\.0\.1:\d+$/);
    const outside = Object.values(networkInterfaces())
      .flat()
      .find((address) => address && address.family === 'IPv4' && !address.internal);
    if (!outside) return;
    const stranger = new WebSocket(`ws://${outside.address}:${server.port}`);
    const refused = await new Promise<string>((settle) => {
      stranger.once('error', (error) => settle((error as NodeJS.ErrnoException).code ?? error.message));
      stranger.once('open', () => settle('open'));
    });
    expect(refused).toBe('ECONNREFUSED');
  });

  it('answers frames that are not requests with a coded error, and keeps serving', async () => {
    expect(codeOf(await exchange('{not json', null))).toBe('AUTOMATOR_MALFORMED_FRAME');
    expect(codeOf(await exchange('[1,2,3]', null))).toBe('AUTOMATOR_MALFORMED_FRAME');
    expect(codeOf(await exchange('"a string"', null))).toBe('AUTOMATOR_MALFORMED_FRAME');
    expect(codeOf(await exchange(JSON.stringify({ method: 'Tool.getInfo' }), null))).toBe(
      'AUTOMATOR_MALFORMED_FRAME',
    );
    expect(codeOf(await exchange(Buffer.from([0, 159, 146, 150]), null))).toBe('AUTOMATOR_MALFORMED_FRAME');
    // A frame with an id but no method still answers that id, so the caller is not left waiting.
    expect(await exchange(JSON.stringify({ id: 'no-method' }), 'no-method')).toMatchObject({
      id: 'no-method',
      error: { code: 'AUTOMATOR_MALFORMED_FRAME' },
    });
    expect(await call('Tool.getInfo')).toMatchObject({
      result: { SDKVersion: '3.0.0', driver: 'simulator' },
    });
  });

  it('refuses unknown methods and wrong params by name', async () => {
    const unknown = await call('App.formatDisk', {});
    expect(unknown.error).toEqual({
      code: 'AUTOMATOR_UNKNOWN_METHOD',
      message: 'Unknown method "App.formatDisk"',
    });
    expect(codeOf(await call('__proto__'))).toBe('AUTOMATOR_UNKNOWN_METHOD');
    expect(codeOf(await call('Page.getData', {}))).toBe('AUTOMATOR_BAD_PARAMS');
    expect(codeOf(await call('Page.getWindowProperties', { pageId: 'p1', names: 'innerWidth' }))).toBe(
      'AUTOMATOR_BAD_PARAMS',
    );
    expect(codeOf(await call('App.callWxMethod', { method: 42 }))).toBe('AUTOMATOR_BAD_PARAMS');
    expect(codeOf(await call('Page.setData', { pageId: 'p1', data: [1, 2] }))).toBe('AUTOMATOR_BAD_PARAMS');
    expect(codeOf(await call('Element.tap', { pageId: 'p1' }))).toBe('AUTOMATOR_BAD_PARAMS');
  });

  it('refuses what names nothing: pages, elements, methods, selectors', async () => {
    const { result: page } = (await call('App.getCurrentPage')) as { result: { pageId: string } };
    expect(codeOf(await call('Page.getData', { pageId: 'p999' }))).toBe('AUTOMATOR_NO_PAGE');
    expect(codeOf(await call('Page.getElement', { pageId: page.pageId, selector: '.nothing-here' }))).toBe(
      'AUTOMATOR_NO_ELEMENT',
    );
    expect(codeOf(await call('Page.getElements', { pageId: page.pageId, selector: 'view[[[' }))).toBe(
      'AUTOMATOR_BAD_PARAMS',
    );
    expect(codeOf(await call('Element.tap', { pageId: page.pageId, elementId: 'e999' }))).toBe(
      'AUTOMATOR_NO_ELEMENT',
    );
    const { result: header } = (await call('Page.getElement', {
      pageId: page.pageId,
      selector: '.shop__header',
    })) as { result: { elementId: string } };
    expect(codeOf(await call('Element.getData', { pageId: page.pageId, elementId: header.elementId }))).toBe(
      'AUTOMATOR_NOT_A_COMPONENT',
    );
    expect(
      codeOf(await call('Element.getOffset', { pageId: page.pageId, elementId: header.elementId })),
    ).toBe('AUTOMATOR_UNSUPPORTED');
    const onHeader = { pageId: page.pageId, elementId: header.elementId };
    expect(await call('Element.input', { ...onHeader, value: 'typed' })).toMatchObject({
      error: { code: 'AUTOMATOR_BAD_PARAMS', message: 'Bad params for Element.input: <view> takes no text' },
    });
    expect(codeOf(await call('Element.callFunction', { ...onHeader, functionName: 'swiper.swipeTo' }))).toBe(
      'AUTOMATOR_BAD_PARAMS',
    );
    expect(codeOf(await call('Page.callMethod', { pageId: page.pageId, method: 'nope' }))).toBe(
      'AUTOMATOR_NO_METHOD',
    );
    expect(codeOf(await call('App.callWxMethod', { method: 'noSuchApi', args: [] }))).toBe(
      'AUTOMATOR_NO_METHOD',
    );
    expect(codeOf(await call('App.captureScreenshot'))).toBe('AUTOMATOR_UNSUPPORTED');
  });

  it('reports what the program and the test functions throw, without harm to either', async () => {
    const syntax = await call('App.callFunction', { functionDeclaration: 'function ( {', args: [] });
    expect(codeOf(syntax)).toBe('AUTOMATOR_BAD_PARAMS');
    const thrown = await call('App.callFunction', {
      functionDeclaration: 'function () { throw new Error("from the test") }',
      args: [],
    });
    expect(thrown.error).toMatchObject({ code: 'AUTOMATOR_PROGRAM_THREW' });
    expect((thrown.error as { message: string }).message).toContain('from the test');
    const cycle = await call('App.callFunction', {
      functionDeclaration: 'function () { const a = {}; a.a = a; return a }',
      args: [],
    });
    expect(codeOf(cycle)).toBe('AUTOMATOR_NOT_JSON');
    const failed = await call('App.callWxMethod', {
      method: 'navigateTo',
      args: [{ url: '/pages/none/none' }],
    });
    expect(failed.error).toMatchObject({ code: 'AUTOMATOR_PROGRAM_THREW' });
    expect((await call('App.getPageStack')).result).toEqual({
      pageStack: [{ pageId: 'p1', path: 'pages/shop/shop', query: {} }],
    });
  });

  it('sends the program’s uncaught errors as App.exceptionThrown events', async () => {
    const event = new Promise<Record<string, unknown>>((resolve) => {
      const listen = (data: WebSocket.RawData) => {
        const frame = JSON.parse(String(data)) as Record<string, unknown>;
        if (frame.method !== 'App.exceptionThrown') return;
        socket.off('message', listen);
        resolve(frame);
      };
      socket.on('message', listen);
    });
    await call('App.callFunction', {
      functionDeclaration: 'function () { setTimeout(() => { throw new Error("late failure") }, 0) }',
      args: [],
    });
    const frame = await event;
    expect(frame).not.toHaveProperty('id');
    expect((frame.params as { message: string }).message).toContain('late failure');
  });

  it('starts the program again after App.exit', async () => {
    await call('Page.setData', { pageId: 'p1', data: { shopName: 'Before exit' } });
    expect(await call('App.exit')).toMatchObject({ result: {} });
    const { result } = (await call('Page.getData', { pageId: 'p1', path: 'shopName' })) as {
      result: { data: string };
    };
    expect(result.data).toBe('Plaza Noodle House');
  });
});
