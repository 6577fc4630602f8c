import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type BlobStore, sendBlob } from '../../blobs/index.ts';
import { requireAccount, requireOperator } from '../../http/access.ts';
import { industryErrors } from './errors.ts';
import type { Caller, Review } from './industries.model.ts';
import {
  idParam,
  noticeJson,
  qualificationBody,
  qualificationJson,
  reviewBody,
  scanJson,
  tags,
  toNoticeJson,
  toQualificationJson,
  toScanJson,
} from './industries.schemas.ts';
import type { IndustriesService } from './industries.service.ts';

export const scanContentTypes = [
  'image/jpeg',
  'image/png',
  'image/webp',
  'application/pdf',
  'application/octet-stream',
];

const orgParams = z.strictObject({ orgId: idParam });
const qualificationParams = z.strictObject({ orgId: idParam, qualificationId: idParam });

const callerOf = (request: Parameters<typeof requireAccount>[0]): Caller => {
  const { accountId, operator } = requireAccount(request);
  return { accountId, operator };
};

/** Licences of orgs: uploads and listing for their members, the review queue for operators. */
export async function qualificationRoutes(
  app: FastifyInstance,
  options: { industries: IndustriesService; blobs: BlobStore },
): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const { qualifications } = options.industries;

  async function sendScan(
    request: Parameters<typeof sendBlob>[0],
    reply: Parameters<typeof sendBlob>[1],
    scan: { sha256: string; contentType: string },
  ) {
    if (!(await sendBlob(request, reply, options.blobs, scan, { cache: 'private' })))
      throw industryErrors.SCAN_NOT_FOUND();
    return reply;
  }

  r.post(
    '/api/orgs/:orgId/qualification-scans',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "Upload a licence's scan (the raw bytes: JPEG, PNG, WebP or PDF by their magic numbers, at most 5 MB); a qualification then names it",
        params: orgParams,
        consumes: scanContentTypes,
        response: { 201: scanJson },
      },
    },
    async (request, reply) => {
      const body = Buffer.isBuffer(request.body) ? request.body : Buffer.alloc(0);
      const scan = await qualifications.uploadScan(callerOf(request), request.params.orgId, body);
      return reply.code(201).send(toScanJson(scan));
    },
  );

  r.post(
    '/api/orgs/:orgId/qualifications',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: 'Submit a licence the org holds (number, holder, validity, its scan) for review',
        params: orgParams,
        body: qualificationBody,
        response: { 201: qualificationJson },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const q = await qualifications.submit(callerOf(request), request.params.orgId, {
        licenceType: b.licence_type,
        number: b.number,
        holder: b.holder,
        validFrom: b.valid_from,
        validUntil: b.valid_until,
        scanId: b.scan_id,
      });
      return reply.code(201).send(toQualificationJson(q));
    },
  );

  r.get(
    '/api/orgs/:orgId/qualifications',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary:
          "The org's licences, newest first, each pending, approved, rejected (with its reason) or expired",
        params: orgParams,
        response: { 200: z.object({ items: z.array(qualificationJson) }) },
      },
    },
    async (request) => ({
      items: (await qualifications.listForOrg(callerOf(request), request.params.orgId)).map(
        toQualificationJson,
      ),
    }),
  );

  r.get(
    '/api/orgs/:orgId/qualifications/:qualificationId/scan',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "A licence's scan, for the org's members and operators",
        params: qualificationParams,
      },
    },
    async (request, reply) => {
      const { orgId, qualificationId } = request.params;
      return sendScan(request, reply, await qualifications.scanOf(callerOf(request), orgId, qualificationId));
    },
  );

  r.get(
    '/api/orgs/:orgId/industry-notices',
    {
      config: { access: ['developer'] },
      schema: {
        tags,
        summary: "Notices about the org's licences ending soon or ended, newest first",
        params: orgParams,
        response: { 200: z.object({ items: z.array(noticeJson) }) },
      },
    },
    async (request) => ({
      items: (await qualifications.notices(callerOf(request), request.params.orgId)).map(toNoticeJson),
    }),
  );

  r.get(
    '/api/operator/qualifications',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: 'Licences by review status, oldest first (the review queue by default)',
        querystring: z.strictObject({
          status: z.enum(['pending', 'approved', 'rejected']).default('pending'),
        }),
        response: { 200: z.object({ items: z.array(qualificationJson) }) },
      },
    },
    async (request) => {
      requireOperator(request);
      return { items: (await qualifications.queue(request.query.status)).map(toQualificationJson) };
    },
  );

  r.get(
    '/api/operator/qualifications/:qualificationId/scan',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: "A licence's scan, for its review",
        params: z.strictObject({ qualificationId: idParam }),
      },
    },
    async (request, reply) => {
      const operator = requireOperator(request);
      const caller = { accountId: operator.accountId, operator: true };
      return sendScan(
        request,
        reply,
        await qualifications.scanOf(caller, null, request.params.qualificationId),
      );
    },
  );

  r.post(
    '/api/operator/qualifications/:qualificationId/review',
    {
      config: { access: ['operator'] },
      schema: {
        tags,
        summary: 'Approve a licence, or reject it with a coded reason (a note is required for `other`)',
        params: z.strictObject({ qualificationId: idParam }),
        body: reviewBody,
        response: { 200: qualificationJson },
      },
    },
    async (request) => {
      const operator = requireOperator(request);
      const b = request.body;
      if (b.decision === 'reject' && !b.reason_code) throw industryErrors.REASON_REQUIRED();
      const review: Review =
        b.decision === 'approve'
          ? { decision: 'approve' }
          : { decision: 'reject', code: b.reason_code ?? 'other', note: b.note };
      return toQualificationJson(
        await qualifications.review(operator.accountId, request.params.qualificationId, review),
      );
    },
  );
}
