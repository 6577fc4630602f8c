import { createHash } from 'node:crypto';
import type { Clock } from '../../db/clock.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { runtimeErrorErrors } from './errors.ts';
import {
  countKnownGroup,
  countVersion,
  groupCount,
  groupsOf,
  insertGroup,
  versionsOf,
} from './runtime-error.repository.ts';

/** A script error one user's container reported, with the author's position when known. */
export interface RuntimeErrorReport {
  appid: string;
  version: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
}

/** One error as the developer sees it: what, where, how often, in which versions, when. */
export interface RuntimeErrorGroup {
  id: string;
  message: string;
  file: string | null;
  line: number | null;
  column: number | null;
  count: number;
  firstSeen: number;
  lastSeen: number;
  versions: Array<{ version: string; count: number }>;
}

export interface RuntimeErrorsService {
  /** Counts a report in its group; a new group past the app's limit is refused. */
  report(report: RuntimeErrorReport): Promise<void>;
  /** The app's error groups, the most recently seen first. */
  groups(appid: string): Promise<RuntimeErrorGroup[]>;
}

export interface RuntimeErrorsDeps {
  db: Db;
  clock: Clock;
  /** Whether the appid names an app of the platform (reports for others are refused). */
  appExists(appid: string): Promise<boolean>;
  /**
   * How many distinct groups an app keeps: reports come from anyone's browser, so the
   * table must not grow without bound when someone makes up messages.
   */
  groupLimit?: number;
}

const listed = 200;

/** sha256 of what makes two reports the same error: the message and the author's position. */
export function errorFingerprint(
  r: Pick<RuntimeErrorReport, 'message' | 'file' | 'line' | 'column'>,
): string {
  return createHash('sha256')
    .update(JSON.stringify([r.message, r.file, r.line, r.column]))
    .digest('hex');
}

/**
 * Runtime errors of mini programs, reported by the containers that ran them (the super
 * app's sheet), grouped by message and location for the developer console.
 *
 * @example
 * await errors.report({ appid, version: '1.0.0', message: "x is undefined", file: 'pages/index/index.js', line: 12, column: 3 });
 * (await errors.groups(appid))[0].count // 1
 */
export function createRuntimeErrorsService(deps: RuntimeErrorsDeps): RuntimeErrorsService {
  const { db, clock } = deps;
  const groupLimit = deps.groupLimit ?? 1000;
  return {
    async report(r) {
      if (!(await deps.appExists(r.appid))) throw runtimeErrorErrors.APP_NOT_FOUND({ appid: r.appid });
      const at = clock.now();
      const fingerprint = errorFingerprint(r);
      // The group and its version count move together.
      await db.transaction().execute(async (trx) => {
        let groupId = await countKnownGroup(trx, r.appid, fingerprint, at);
        if (!groupId) {
          if ((await groupCount(trx, r.appid)) >= groupLimit) throw runtimeErrorErrors.TOO_MANY_GROUPS();
          groupId = await insertGroup(trx, {
            id: newId('rte'),
            appid: r.appid,
            fingerprint,
            message: r.message,
            file: r.file,
            line: r.line,
            column: r.column,
            count: 1,
            first_seen: at,
            last_seen: at,
          });
        }
        await countVersion(trx, groupId, r.version, at);
      });
    },

    async groups(appid) {
      const rows = await groupsOf(db, appid, listed);
      const versions = await versionsOf(
        db,
        rows.map((g) => g.id),
      );
      return rows.map((g) => ({
        id: g.id,
        message: g.message,
        file: g.file,
        line: g.line === null ? null : Number(g.line),
        column: g.column === null ? null : Number(g.column),
        count: Number(g.count),
        firstSeen: Number(g.first_seen),
        lastSeen: Number(g.last_seen),
        versions: versions
          .filter((v) => v.group_id === g.id)
          .map((v) => ({ version: v.version, count: Number(v.count) })),
      }));
    },
  };
}
