import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import type { Actor, AppCaller } from './app.model.ts';
import { insertAudit } from './audit.repository.ts';

/** Who the audit log names for a caller. */
export function actorOf(caller: AppCaller): Actor {
  return { kind: caller.operator ? 'operator' : 'account', id: caller.accountId };
}

export interface AuditRecord {
  appId: string;
  actor: Actor;
  action: string;
  before?: unknown;
  after?: unknown;
  at: number;
}

/** Appends an audit entry in the caller's transaction. Callers never pass secrets in before/after. */
export async function recordAudit(trx: Db, record: AuditRecord): Promise<void> {
  await insertAudit(trx, {
    id: newId('aud'),
    app_id: record.appId,
    actor_kind: record.actor.kind,
    actor_id: record.actor.id,
    action: record.action,
    before: record.before === undefined ? null : JSON.stringify(record.before),
    after: record.after === undefined ? null : JSON.stringify(record.after),
    created_at: record.at,
  });
}

/** The fields of `after` that differ from `before`, each side holding only those fields. */
export function changedFields<T extends object>(
  before: T,
  after: T,
): { before: Partial<T>; after: Partial<T> } {
  const was: Partial<T> = {};
  const now: Partial<T> = {};
  for (const key of Object.keys(after) as Array<keyof T>) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      was[key] = before[key];
      now[key] = after[key];
    }
  }
  return { before: was, after: now };
}
