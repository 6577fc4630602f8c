import type { z } from 'zod';
import {
  hostToLogicSchema,
  type LogicInboundMessage,
  type LogicToViewMessage,
  logicToHostSchema,
  logicToViewSchema,
  type Message,
  PROTOCOL_VERSION,
  viewToLogicSchema,
} from './messages.ts';

export type ParseResult<M> = { ok: true; message: M } | { ok: false; reason: string };

type Schemas = readonly z.ZodObject[];

function byType(...groups: Schemas[]): Map<string, z.ZodObject> {
  const map = new Map<string, z.ZodObject>();
  for (const group of groups) {
    for (const schema of group) {
      const literal = schema.shape.type as z.ZodLiteral<string>;
      map.set(literal.value, schema);
    }
  }
  return map;
}

const all = byType(
  logicToViewSchema.options,
  viewToLogicSchema.options,
  hostToLogicSchema.options,
  logicToHostSchema.options,
);
const logicInbound = byType(viewToLogicSchema.options, hostToLogicSchema.options);
const viewInbound = byType(logicToViewSchema.options);

function parseWith<M>(schemas: Map<string, z.ZodObject>, raw: unknown): ParseResult<M> {
  if (typeof raw !== 'object' || raw === null) return { ok: false, reason: 'not an object' };
  const { v, type } = raw as { v?: unknown; type?: unknown };
  if (v !== PROTOCOL_VERSION) return { ok: false, reason: `unsupported protocol version ${String(v)}` };
  const schema = typeof type === 'string' ? schemas.get(type) : undefined;
  if (!schema) return { ok: false, reason: `unknown message type ${JSON.stringify(type)}` };
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, message: parsed.data as M };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? ` at ${issue.path.join('.')}` : '';
  return { ok: false, reason: `malformed ${String(type)}${where}: ${issue?.message ?? 'invalid'}` };
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
