import type * as z from 'zod/mini';
import {
  hostToLogicMessages,
  type LogicInboundMessage,
  type LogicToViewMessage,
  logicToHostMessages,
  logicToViewMessages,
  type Message,
  PROTOCOL_VERSION,
  viewToLogicMessages,
} from './messages.ts';

export type ParseResult<M> = { ok: true; message: M } | { ok: false; reason: string };

type Schemas = readonly z.ZodMiniObject[];

function byType(...groups: Schemas[]): Map<string, z.ZodMiniObject> {
  const map = new Map<string, z.ZodMiniObject>();
  for (const group of groups) {
    for (const schema of group) {
      const literal = schema.shape.type as z.ZodMiniLiteral<string>;
      map.set(literal._zod.def.values[0]!, schema);
    }
  }
  return map;
}

/** The message types of each direction, from the same lists the parsers read (bridges route by them). */
export const messageTypes = {
  logicToView: new Set(byType(logicToViewMessages).keys()),
  viewToLogic: new Set(byType(viewToLogicMessages).keys()),
  hostToLogic: new Set(byType(hostToLogicMessages).keys()),
  logicToHost: new Set(byType(logicToHostMessages).keys()),
} as const;

const all = byType(logicToViewMessages, viewToLogicMessages, hostToLogicMessages, logicToHostMessages);
const logicInbound = byType(viewToLogicMessages, hostToLogicMessages);
const viewInbound = byType(logicToViewMessages);

function parseWith<M>(schemas: Map<string, z.ZodMiniObject>, raw: unknown): ParseResult<M> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an object' };
  const { v, type } = raw as { v?: unknown; type?: unknown };
  if (v !== PROTOCOL_VERSION) return { ok: false, reason: `unsupported protocol version ${String(v)}` };
  const schema = typeof type === 'string' ? schemas.get(type) : undefined;
  if (!schema) return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data as M };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return {
    ok: false,
    reason: `malformed ${String(type)}${where}: ${issue ? issueInWords(issue) : 'invalid'}`,
  };
}

/**
 * The reason in words: the light validator carries no message catalogue (it would double
 * the frames' code), so the issue's code and expectation say what was wrong.
 */
function issueInWords(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type') return `expected ${issue.expected}`;
  if (issue.code === 'invalid_value')
    return `expected ${issue.values.map((value) => JSON.stringify(value)).join(' or ')}`;
  if (issue.code === 'too_small') return `expected at least ${String(issue.minimum)}`;
  return issue.code;
}

/**
 * Validates a message of any direction; unknown types and malformed bodies are refused with a reason.
 * @example const r = parseMessage(e.data); if (!r.ok) report(r.reason);
 */
export function parseMessage(raw: unknown): ParseResult<Message> {
  return parseWith(all, raw);
}

/** Validates what the logic layer may receive (from the view or from the host). */
export function parseLogicInbound(raw: unknown): ParseResult<LogicInboundMessage> {
  return parseWith(logicInbound, raw);
}

/** Validates what the view layer may receive from the logic. */
export function parseViewInbound(raw: unknown): ParseResult<LogicToViewMessage> {
  return parseWith(viewInbound, raw);
}
