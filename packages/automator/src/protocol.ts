/**
 * The miniprogram-automator wire protocol as WeChat's client (`miniprogram-automator` on npm)
 * speaks it over one WebSocket: requests `{id, method, params}`, replies `{id, result}` or
 * `{id, error: {message}}`, and events `{method, params}` without an id. The params of every
 * method Plaza answers are declared here once; the server validates each request against them.
 */
import { z } from 'zod';
import { AutomatorError } from './errors.ts';

export type RequestId = string | number;

export interface AutomatorRequest {
  id: RequestId;
  method: MethodName;
  params: Record<string, unknown>;
}

export type AutomatorReply =
  | { id: RequestId; result: unknown }
  | { id: RequestId | null; error: { code: string; message: string } };

/** What the server tells the client unasked: the program's console and its uncaught errors. */
export type AutomatorEvent =
  | { method: 'App.logAdded'; params: LogEntry }
  | { method: 'App.exceptionThrown'; params: ThrownError };

export interface LogEntry {
  type: 'log' | 'info' | 'warn' | 'error' | 'debug';
  args: string[];
}

export interface ThrownError {
  message: string;
  stack: string;
}

/** A page as `App.getPageStack` / `App.getCurrentPage` describe it. */
export interface PageInfo {
  pageId: string;
  path: string;
  query: Record<string, unknown>;
}

/** An element as `Page.getElement(s)` return it; `nodeId` marks a custom component. */
export interface ElementInfo {
  elementId: string;
  tagName: string;
  nodeId?: string;
}

const anyArgs = z.array(z.unknown()).default([]);
const names = z.object({ names: z.array(z.string()) });
const page = z.object({ pageId: z.union([z.string(), z.number()]).transform(String) });
const element = page.extend({ elementId: z.string(), nodeId: z.string().optional() });
const dataPath = z.object({ path: z.string().optional() });
const data = z.object({ data: z.record(z.string(), z.unknown()) });
const call = z.object({ method: z.string().min(1), args: anyArgs });
const none = z.object({});

/** Params of each method, as the client sends them (extra keys are ignored, as WeChat's tools do). */
export const METHOD_PARAMS = {
  'Tool.getInfo': none,
  'Tool.close': none,
  'App.enableLog': none,
  'App.exit': none,
  'App.getPageStack': none,
  'App.getCurrentPage': none,
  'App.callWxMethod': call.extend({ pluginId: z.string().optional() }),
  'App.mockWxMethod': z.object({
    method: z.string().min(1),
    result: z.unknown().optional(),
    functionDeclaration: z.string().optional(),
    args: anyArgs,
    pluginId: z.string().optional(),
  }),
  'App.callFunction': z.object({ functionDeclaration: z.string().min(1), args: anyArgs }),
  'App.captureScreenshot': none,
  'Page.getElement': page.extend({ selector: z.string().min(1) }),
  'Page.getElements': page.extend({ selector: z.string().min(1) }),
  'Page.getData': page.extend(dataPath.shape),
  'Page.setData': page.extend(data.shape),
  'Page.callMethod': page.extend(call.shape),
  'Page.getWindowProperties': page.extend(names.shape),
  'Element.getElement': element.extend({ selector: z.string().min(1) }),
  'Element.getElements': element.extend({ selector: z.string().min(1) }),
  'Element.tap': element,
  'Element.input': element.extend({ value: z.string() }),
  'Element.triggerEvent': element.extend({ type: z.string().min(1), detail: z.unknown().optional() }),
  'Element.callFunction': element.extend({ functionName: z.string().min(1), args: anyArgs }),
  'Element.getWXML': element.extend({ type: z.enum(['inner', 'outer']).default('inner') }),
  'Element.getAttributes': element.extend(names.shape),
  'Element.getStyles': element.extend(names.shape),
  'Element.getProperties': element.extend(names.shape),
  'Element.getDOMProperties': element.extend(names.shape),
  'Element.getOffset': element,
  'Element.callMethod': element.extend(call.shape),
  'Element.getData': element.extend(dataPath.shape),
  'Element.setData': element.extend(data.shape),
} as const;

export type MethodName = keyof typeof METHOD_PARAMS;
export type ParamsOf<M extends MethodName> = z.output<(typeof METHOD_PARAMS)[M]>;

const frame = z.object({
  id: z.union([z.string().min(1), z.number()]),
  method: z.string().min(1),
  params: z.record(z.string(), z.unknown()).optional(),
});

/**
 * Reads one text frame into a request; throws a coded error carrying the request's id when
 * the frame had one, so the reply still reaches the caller that is waiting on it.
 */
export function parseRequest(text: string): AutomatorRequest {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    throw new AutomatorError('AUTOMATOR_MALFORMED_FRAME', (error as Error).message);
  }
  const parsed = frame.safeParse(raw);
  if (!parsed.success) {
    throw withId(new AutomatorError('AUTOMATOR_MALFORMED_FRAME', z.prettifyError(parsed.error)), raw);
  }
  const { id, method } = parsed.data;
  if (!Object.hasOwn(METHOD_PARAMS, method)) {
    throw withId(new AutomatorError('AUTOMATOR_UNKNOWN_METHOD', method), raw);
  }
  const name = method as MethodName;
  const params = METHOD_PARAMS[name].safeParse(parsed.data.params ?? {});
  if (!params.success) {
    throw withId(new AutomatorError('AUTOMATOR_BAD_PARAMS', method, z.prettifyError(params.error)), raw);
  }
  return { id, method: name, params: params.data as Record<string, unknown> };
}

/** The id of the request a refusal answers, or null when the frame had none. */
export function requestIdOf(error: unknown): RequestId | null {
  return (error as { requestId?: RequestId }).requestId ?? null;
}

function withId(error: AutomatorError, raw: unknown): AutomatorError {
  const id = (raw as { id?: unknown } | null)?.id;
  if (typeof id === 'string' || typeof id === 'number') Object.assign(error, { requestId: id });
  return error;
}
