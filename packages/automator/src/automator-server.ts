import type { AddressInfo } from 'node:net';
import { type WebSocket, WebSocketServer } from 'ws';
import type { AutomatorDriver } from './driver.ts';
import { AutomatorError, type AutomatorErrorCode, automatorMessages } from './errors.ts';
import {
  type AutomatorEvent,
  type AutomatorReply,
  type AutomatorRequest,
  type ElementInfo,
  type MethodName,
  type PageInfo,
  type ParamsOf,
  parseRequest,
  requestIdOf,
} from './protocol.ts';
import type { ViewRefusal } from './view-agent.ts';

/**
 * A test's function as source for the logic realm, where the program's globals are not
 * globals (the runtime hands them to each module): they become the wrapper's parameters.
 */
function withGlobals(functionDeclaration: string): string {
  return `((wx, tt, getApp, getCurrentPages) => (${functionDeclaration}\n))`;
}

export interface AutomatorServerOptions {
  /** The port to listen on (127.0.0.1 only); 0 picks a free one. */
  port: number;
  /** A failure of the driver itself (not the program's, not the client's): for the console. */
  onDriverError?: (error: unknown) => void;
}

export interface AutomatorServer {
  /** What `automator.connect({ wsEndpoint })` takes. */
  wsEndpoint: string;
  port: number;
  close(): Promise<void>;
}

/** Version the client's `checkVersion` compares with 2.7.3; Plaza answers the current protocol. */
const SDK_VERSION = '3.0.0';
/** Frames larger than this are refused by the socket (a screenshot goes the other way). */
const MAX_FRAME_BYTES = 4 * 1024 * 1024;

interface KnownElement<Ref> {
  pageId: string;
  ref: Ref;
  tagName: string;
  nodeId?: string;
}

/**
 * Serves the automator protocol for one running program on 127.0.0.1: every frame gets a
 * reply (a result, or a coded error for a malformed frame, an unknown method, bad params or
 * a refusal), and the program's console and uncaught errors go out as events.
 * @example const server = await startAutomatorServer(driver, { port: 9420 }); // ws://127.0.0.1:9420
 */
export async function startAutomatorServer<Ref>(
  driver: AutomatorDriver<Ref>,
  options: AutomatorServerOptions,
): Promise<AutomatorServer> {
  const elements = new Map<string, KnownElement<Ref>>();
  const logging = new WeakSet<WebSocket>();
  let nextElement = 1;
  const wss = new WebSocketServer({ host: '127.0.0.1', port: options.port, maxPayload: MAX_FRAME_BYTES });
  await new Promise<void>((ready, fail) => {
    wss.once('listening', ready);
    wss.once('error', fail);
  });
  wss.on('error', (error) => options.onDriverError?.(error));

  driver.onEvent((event: AutomatorEvent) => {
    const text = JSON.stringify(event);
    for (const client of wss.clients) {
      if (event.method === 'App.logAdded' && !logging.has(client)) continue;
      if (client.readyState === client.OPEN) client.send(text);
    }
  });

  const agent = async (call: string): Promise<unknown> => {
    const text = await driver.logic(`__plaza_automator.${call}`);
    const answer = JSON.parse(text) as
      | { ok: true; value: unknown }
      | { ok: false; code: string; args: string[] };
    if (answer.ok) return answer.value;
    const code = (
      answer.code in automatorMessages ? answer.code : 'AUTOMATOR_PROGRAM_THREW'
    ) as AutomatorErrorCode;
    throw new AutomatorError(code, ...answer.args);
  };
  const json = (value: unknown) => JSON.stringify(value);
  const stack = async () => (await agent('pageStack()')) as PageInfo[];
  const pageOf = async (pageId: string) => {
    if (!(await stack()).some((p) => p.pageId === pageId))
      throw new AutomatorError('AUTOMATOR_NO_PAGE', pageId);
    return pageId;
  };
  const register = async (pageId: string, refs: Ref[]): Promise<ElementInfo[]> => {
    const infos: ElementInfo[] = [];
    for (const ref of refs) {
      const { tagName, instance } = await driver.onElement(ref, 'describe', []);
      const elementId = `e${nextElement++}`;
      const nodeId = instance ? driver.componentId(pageId, instance) : undefined;
      elements.set(elementId, { pageId, ref, tagName, ...(nodeId ? { nodeId } : {}) });
      infos.push({ elementId, tagName, ...(nodeId ? { nodeId } : {}) });
    }
    return infos;
  };
  const elementOf = (params: { elementId: string; pageId: string }) => {
    const known = elements.get(params.elementId);
    if (!known || known.pageId !== params.pageId)
      throw new AutomatorError('AUTOMATOR_NO_ELEMENT', params.elementId, params.pageId);
    return known;
  };
  const componentOf = (params: { elementId: string; pageId: string }) => {
    const known = elementOf(params);
    if (!known.nodeId) throw new AutomatorError('AUTOMATOR_NOT_A_COMPONENT', params.elementId);
    return known.nodeId;
  };
  const refused = (outcome: ViewRefusal | null) => {
    if (outcome) throw new AutomatorError(outcome.refused, ...outcome.args);
  };
  const settled = async <T>(work: Promise<T>): Promise<T> => {
    const value = await work;
    await driver.settle();
    return value;
  };

  type Handler<M extends MethodName> = (params: ParamsOf<M>, socket: WebSocket) => Promise<unknown>;
  const handlers: { [M in MethodName]: Handler<M> } = {
    'Tool.getInfo': async () => ({
      SDKVersion: SDK_VERSION,
      version: SDK_VERSION,
      platform: 'plaza',
      driver: driver.name,
    }),
    'Tool.close': async () => ({}),
    'App.enableLog': async (_, socket) => {
      logging.add(socket);
      return {};
    },
    'App.exit': async () => {
      elements.clear();
      await driver.exit();
      return {};
    },
    'App.getPageStack': async () => ({ pageStack: await stack() }),
    'App.getCurrentPage': async () => {
      const pages = await stack();
      const top = pages[pages.length - 1];
      if (!top) throw new AutomatorError('AUTOMATOR_NO_PAGE', '(the stack is empty)');
      return top;
    },
    'App.callWxMethod': async (p) => {
      if (p.pluginId)
        throw new AutomatorError('AUTOMATOR_UNSUPPORTED', 'Plugins', driver.name, 'Plaza has no plugins');
      return { result: await settled(agent(`callWx(${json(p.method)}, ${json(p.args)})`)) };
    },
    'App.mockWxMethod': async (p) => {
      if (p.pluginId)
        throw new AutomatorError('AUTOMATOR_UNSUPPORTED', 'Plugins', driver.name, 'Plaza has no plugins');
      if (p.functionDeclaration !== undefined)
        await agent(`mockWith(${json(p.method)}, ${withGlobals(p.functionDeclaration)}, ${json(p.args)})`);
      else if ('result' in p) await agent(`mock(${json(p.method)}, ${json(p.result ?? null)})`);
      else await agent(`restore(${json(p.method)})`);
      return {};
    },
    'App.callFunction': async (p) => ({
      result: await settled(agent(`run(${withGlobals(p.functionDeclaration)}, ${json(p.args)})`)),
    }),
    'App.captureScreenshot': async () => ({ data: await driver.screenshot() }),
    'Page.getElement': async (p) => {
      const [first] = await driver.query(await pageOf(p.pageId), p.selector);
      if (first === undefined) throw new AutomatorError('AUTOMATOR_NO_ELEMENT', p.selector, p.pageId);
      return (await register(p.pageId, [first]))[0];
    },
    'Page.getElements': async (p) => ({
      elements: await register(p.pageId, await driver.query(await pageOf(p.pageId), p.selector)),
    }),
    'Page.getData': async (p) => ({
      data: await agent(`pageData(${json(p.pageId)}, ${json(p.path ?? '')})`),
    }),
    'Page.setData': async (p) => {
      await settled(agent(`setPageData(${json(p.pageId)}, ${json(p.data)})`));
      return {};
    },
    'Page.callMethod': async (p) => ({
      result: await settled(agent(`callPageMethod(${json(p.pageId)}, ${json(p.method)}, ${json(p.args)})`)),
    }),
    'Page.getWindowProperties': async (p) => ({
      properties: await driver.windowProperties(await pageOf(p.pageId), p.names),
    }),
    'Element.getElement': async (p) => {
      const [first] = await driver.query(p.pageId, p.selector, elementOf(p).ref);
      if (first === undefined) throw new AutomatorError('AUTOMATOR_NO_ELEMENT', p.selector, p.pageId);
      return (await register(p.pageId, [first]))[0];
    },
    'Element.getElements': async (p) => ({
      elements: await register(p.pageId, await driver.query(p.pageId, p.selector, elementOf(p).ref)),
    }),
    'Element.tap': async (p) => {
      await settled(driver.onElement(elementOf(p).ref, 'tap', []));
      return {};
    },
    'Element.input': async (p) => {
      refused(await settled(driver.onElement(elementOf(p).ref, 'input', [p.value])));
      return {};
    },
    'Element.triggerEvent': async (p) => {
      await settled(driver.onElement(elementOf(p).ref, 'trigger', [p.type, p.detail ?? {}]));
      return {};
    },
    'Element.callFunction': async (p) => {
      refused(await settled(driver.onElement(elementOf(p).ref, 'callFunction', [p.functionName, p.args])));
      return { result: null };
    },
    'Element.getWXML': async (p) => ({
      wxml: await driver.onElement(elementOf(p).ref, 'wxml', [p.type === 'outer', driver.scopes]),
    }),
    'Element.getAttributes': async (p) => ({
      attributes: await driver.onElement(elementOf(p).ref, 'attributes', [p.names, driver.scopes]),
    }),
    'Element.getStyles': async (p) => ({
      styles: await driver.onElement(elementOf(p).ref, 'styles', [p.names]),
    }),
    'Element.getProperties': async (p) => ({
      properties: await driver.onElement(elementOf(p).ref, 'properties', [p.names]),
    }),
    'Element.getDOMProperties': async (p) => ({
      properties: await driver.onElement(elementOf(p).ref, 'domProperties', [p.names]),
    }),
    'Element.getOffset': async (p) => await driver.onElement(elementOf(p).ref, 'offset', []),
    'Element.callMethod': async (p) => ({
      result: await settled(
        agent(`callComponentMethod(${json(componentOf(p))}, ${json(p.method)}, ${json(p.args)})`),
      ),
    }),
    'Element.getData': async (p) => ({
      data: await agent(`componentData(${json(componentOf(p))}, ${json(p.path ?? '')})`),
    }),
    'Element.setData': async (p) => {
      await settled(agent(`setComponentData(${json(componentOf(p))}, ${json(p.data)})`));
      return {};
    },
  };

  const answer = async (text: string, socket: WebSocket): Promise<AutomatorReply> => {
    let request: AutomatorRequest | undefined;
    try {
      request = parseRequest(text);
      const handler = handlers[request.method] as Handler<MethodName>;
      return {
        id: request.id,
        result: (await handler(request.params as ParamsOf<MethodName>, socket)) ?? {},
      };
    } catch (error) {
      const id = request?.id ?? requestIdOf(error);
      if (error instanceof AutomatorError) return { id, error: { code: error.code, message: error.message } };
      options.onDriverError?.(error);
      const failure = new AutomatorError(
        'AUTOMATOR_DRIVER_FAILED',
        driver.name,
        (error as Error)?.message ?? String(error),
      );
      return { id, error: { code: failure.code, message: failure.message } };
    }
  };

  wss.on('connection', (socket) => {
    socket.on('error', (error) => options.onDriverError?.(error));
    socket.on('message', (data, isBinary) => {
      const text = isBinary ? '\u0000binary frame' : data.toString();
      void answer(text, socket).then((reply) => {
        if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
      });
    });
  });

  const port = (wss.address() as AddressInfo).port;
  return {
    wsEndpoint: `ws://127.0.0.1:${port}`,
    port,
    close: () =>
      new Promise<void>((done) => {
        for (const client of wss.clients) client.terminate();
        wss.close(() => done());
      }),
  };
}
