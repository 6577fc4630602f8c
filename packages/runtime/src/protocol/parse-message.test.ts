import { describe, expect, it } from 'vitest';
import { parseLogicInbound, parseMessage, parseViewInbound } from './parse-message.ts';

describe('protocol validation', () => {
  it('accepts a well-formed message', () => {
    const r = parseMessage({ v: 1, type: 'render.done', instanceId: 'p1', renderId: 2 });
    expect(r.ok).toBe(true);
  });

  it('drops unknown types, other versions and malformed bodies with a reason', () => {
    expect(parseMessage({ v: 1, type: 'nope' })).toEqual({
      ok: false,
      reason: 'unknown message type "nope"',
    });
    expect(parseMessage({ v: 2, type: 'render.done', instanceId: 'p1', renderId: 1 })).toMatchObject({
      ok: false,
    });
    const bad = parseMessage({ v: 1, type: 'patch', instanceId: 'p1', renderId: 'x', changes: {} });
    expect(bad).toMatchObject({ ok: false });
    expect(!bad.ok && bad.reason).toBe('malformed patch at renderId: expected number');
    const action = parseMessage({ v: 1, type: 'page.navigate', action: 'fly', stack: [] });
    expect(!action.ok && action.reason).toBe(
      'malformed page.navigate at action: expected "launch" or "navigateTo" or "redirectTo" or "navigateBack" or "switchTab" or "reLaunch"',
    );
    const empty = parseMessage({ v: 1, type: 'render.done', instanceId: '', renderId: 1 });
    expect(!empty.ok && empty.reason).toBe('malformed render.done at instanceId: expected at least 1');
    expect(parseMessage(null)).toMatchObject({ ok: false });
  });

  it('keeps each direction to its own messages', () => {
    const patch = { v: 1, type: 'patch', instanceId: 'p1', renderId: 1, changes: { a: 1 } };
    expect(parseViewInbound(patch).ok).toBe(true);
    expect(parseLogicInbound(patch).ok).toBe(false);
    expect(parseLogicInbound({ v: 1, type: 'app.hide' }).ok).toBe(true);
  });
});
