import { newId } from '../../db/ids.ts';
import { defineJob, type JobQueue } from '../../jobs/index.ts';
import { industryErrors } from './errors.ts';
import {
  type Caller,
  type Notice,
  type Qualification,
  type QualificationInput,
  type Review,
  type Scan,
  toNotice,
  toQualification,
} from './industries.model.ts';
import type { NoticeKind, OrgQualificationRow, QualificationStatus } from './industries.table.ts';
import { type IndustriesContext, platformCaller } from './industries-context.ts';
import { insertNotice, noticesOfOrg } from './notice.repository.ts';
import {
  approvedEndingBefore,
  findQualification,
  findScan,
  insertQualification,
  insertScan,
  qualificationsByStatus,
  qualificationsOfOrg,
  reviewQualification,
} from './qualification.repository.ts';
import { qualificationEvents, sniffScan } from './qualification-events.ts';

export interface QualificationService {
  /** Stores a scan for the org (role ≥ developer); it is referenced by a qualification next. */
  uploadScan(caller: Caller, orgId: string, bytes: Buffer): Promise<Scan>;
  /** Submits a licence for review (role ≥ developer). */
  submit(caller: Caller, orgId: string, input: QualificationInput): Promise<Qualification>;
  /** The org's qualifications, newest first (any member; operators too). */
  listForOrg(caller: Caller, orgId: string): Promise<Qualification[]>;
  /** The scan behind a qualification, for the org's members and operators. */
  scanOf(caller: Caller, orgId: string | null, qualificationId: string): Promise<Scan>;
  /** Qualifications by review status, oldest first (the operator's queue). */
  queue(status: QualificationStatus): Promise<Qualification[]>;
  review(operatorId: string, qualificationId: string, review: Review): Promise<Qualification>;
  /** The org's notices about qualifications ending or ended, newest first. */
  notices(caller: Caller, orgId: string): Promise<Notice[]>;
  /**
   * Records a notice (and announces it by webhook to each app of the org) for every
   * approved qualification ending within the notice period and every one that ended.
   * Each notice is made once, so the sweep can run as often as it likes.
   */
  sweep(): Promise<{ expiring: number; expired: number }>;
  /** Puts the next background sweep in the queue (its job puts the one after). */
  scheduleSweep(): Promise<void>;
}

export type QualificationDeps = Pick<
  IndustriesContext,
  'db' | 'clock' | 'blobs' | 'jobs' | 'apps' | 'webhooks' | 'options' | 'requireOrg' | 'transaction'
>;

const day = 86_400_000;
const sweepJobType = 'industries.sweep-qualifications';
const sweepBatch = 200;

function noticeRow(row: OrgQualificationRow, kind: NoticeKind, now: number) {
  return {
    id: newId('ntc'),
    org_id: row.org_id,
    qualification_id: row.id,
    kind,
    licence_type: row.licence_type,
    valid_until: row.valid_until,
    created_at: now,
  };
}

export function createQualificationService(ctx: QualificationDeps): QualificationService {
  const { db, clock, options } = ctx;

  async function ownQualification(orgId: string | null, id: string): Promise<OrgQualificationRow> {
    const row = id.length <= 64 ? await findQualification(db, id) : undefined;
    // Another org's qualification is as unknown as a missing one.
    if (!row || (orgId !== null && row.org_id !== orgId))
      throw industryErrors.QUALIFICATION_NOT_FOUND({ qualification_id: id });
    return row;
  }

  async function announce(row: OrgQualificationRow, kind: NoticeKind) {
    const now = clock.now();
    const held = await qualificationsOfOrg(db, row.org_id);
    const apps = await ctx.apps.listForOrg(platformCaller, row.org_id);
    // A later approved qualification of the same licence means the org already renewed.
    const renewed = held.some(
      (h) =>
        h.id !== row.id &&
        h.licence_type === row.licence_type &&
        h.status === 'approved' &&
        Number(h.valid_until) > Number(row.valid_until),
    );
    return ctx.transaction(async (trx) => {
      const recorded = await insertNotice(trx, noticeRow(row, kind, now));
      if (!recorded) return false;
      for (const app of apps)
        await ctx.webhooks.enqueueEvent(trx, {
          appId: app.id,
          type: qualificationEvents[kind],
          data: {
            qualification_id: row.id,
            licence_type: row.licence_type,
            valid_until: new Date(Number(row.valid_until)).toISOString(),
            renewed,
          },
        });
      return true;
    });
  }

  async function sweep() {
    const now = clock.now();
    const counts = { expiring: 0, expired: 0 };
    const passes: [NoticeKind, number][] = [
      ['expired', now],
      ['expiring', now + options.noticeDays * day],
    ];
    for (const [kind, until] of passes) {
      for (;;) {
        const due = await approvedEndingBefore(db, until, kind, sweepBatch);
        for (const row of due) {
          // One that ended before it was ever told it was ending is told once, that it ended.
          if (kind === 'expiring' && Number(row.valid_until) <= now) {
            await insertNotice(db, noticeRow(row, kind, now));
            continue;
          }
          if (await announce(row, kind)) counts[kind]++;
        }
        if (due.length < sweepBatch) break;
      }
    }
    return counts;
  }

  async function scheduleSweep(executor = db): Promise<void> {
    const slot = Math.floor(clock.now() / options.sweepEveryMs) * options.sweepEveryMs + options.sweepEveryMs;
    await ctx.jobs.enqueue(executor, {
      type: sweepJobType,
      payload: {},
      runAt: slot,
      key: `${sweepJobType}:${slot}`,
    });
  }

  ctx.jobs.register(
    defineJob<Record<string, never>>({
      type: sweepJobType,
      handle: async () => {
        await sweep();
        await scheduleSweep();
      },
    }) as Parameters<JobQueue['register']>[0],
  );

  return {
    async uploadScan(caller, orgId, bytes) {
      await ctx.requireOrg(caller, orgId, 'developer', false);
      if (bytes.length > options.scanBytes)
        throw industryErrors.SCAN_TOO_LARGE({ max_bytes: options.scanBytes });
      const contentType = sniffScan(bytes.subarray(0, 16));
      if (!contentType) throw industryErrors.SCAN_TYPE_REFUSED();
      const stored = await ctx.blobs.put(bytes, { maxBytes: options.scanBytes });
      const row = {
        id: newId('scn'),
        org_id: orgId,
        sha256: stored.sha256,
        content_type: contentType,
        size: stored.size,
        uploaded_by: caller.accountId,
        created_at: clock.now(),
      };
      await insertScan(db, row);
      return {
        id: row.id,
        orgId,
        sha256: row.sha256,
        contentType,
        size: row.size,
        createdAt: row.created_at,
      };
    },

    async submit(caller, orgId, input) {
      await ctx.requireOrg(caller, orgId, 'developer', false);
      if (!(input.validFrom < input.validUntil))
        throw industryErrors.VALIDITY_INVALID({ valid_from: input.validFrom, valid_until: input.validUntil });
      const scan = input.scanId.length <= 64 ? await findScan(db, input.scanId) : undefined;
      if (!scan || scan.org_id !== orgId) throw industryErrors.SCAN_NOT_FOUND({ scan_id: input.scanId });
      const now = clock.now();
      const row: OrgQualificationRow = {
        id: newId('qlf'),
        org_id: orgId,
        licence_type: input.licenceType,
        number: input.number,
        holder: input.holder,
        valid_from: input.validFrom,
        valid_until: input.validUntil,
        scan_id: scan.id,
        status: 'pending',
        review_code: null,
        review_note: null,
        reviewed_by: null,
        reviewed_at: null,
        submitted_by: caller.accountId,
        created_at: now,
        updated_at: now,
      };
      await insertQualification(db, row);
      return toQualification(row, now);
    },

    async listForOrg(caller, orgId) {
      await ctx.requireOrg(caller, orgId, 'viewer', true);
      const now = clock.now();
      return (await qualificationsOfOrg(db, orgId)).map((r) => toQualification(r, now));
    },

    async scanOf(caller, orgId, qualificationId) {
      if (orgId !== null) await ctx.requireOrg(caller, orgId, 'viewer', true);
      const row = await ownQualification(orgId, qualificationId);
      const scan = await findScan(db, row.scan_id);
      if (!scan) throw industryErrors.SCAN_NOT_FOUND({ scan_id: row.scan_id });
      return {
        id: scan.id,
        orgId: scan.org_id,
        sha256: scan.sha256,
        contentType: scan.content_type,
        size: Number(scan.size),
        createdAt: Number(scan.created_at),
      };
    },

    async queue(status) {
      const now = clock.now();
      return (await qualificationsByStatus(db, status, 500)).map((r) => toQualification(r, now));
    },

    async review(operatorId, qualificationId, review) {
      const row = await ownQualification(null, qualificationId);
      if (review.decision === 'reject' && review.code === 'other' && !review.note)
        throw industryErrors.REASON_NOTE_REQUIRED();
      const now = clock.now();
      const patch =
        review.decision === 'approve'
          ? { status: 'approved' as const, review_code: null, review_note: null }
          : { status: 'rejected' as const, review_code: review.code, review_note: review.note };
      const done = await reviewQualification(db, row.id, {
        ...patch,
        reviewed_by: operatorId,
        reviewed_at: now,
        updated_at: now,
      });
      if (!done) throw industryErrors.ALREADY_REVIEWED({ status: row.status });
      return toQualification(
        { ...row, ...patch, reviewed_by: operatorId, reviewed_at: now, updated_at: now },
        now,
      );
    },

    async notices(caller, orgId) {
      await ctx.requireOrg(caller, orgId, 'viewer', true);
      return (await noticesOfOrg(db, orgId, 200)).map(toNotice);
    },

    sweep,
    scheduleSweep: () => scheduleSweep(),
  };
}
