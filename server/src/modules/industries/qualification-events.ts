import { sniffImage } from '../../blobs/index.ts';

/**
 * The webhook events the qualification sweep announces to every app of the org, in the
 * transaction that records the notice.
 */
export const qualificationEvents = {
  expiring: 'industry.qualification_expiring',
  expired: 'industry.qualification_expired',
} as const;

/** What an uploaded scan is, from its first bytes (the declared type is not trusted). */
export function sniffScan(head: Uint8Array): string | undefined {
  const pdf = head.length >= 5 && String.fromCharCode(...head.subarray(0, 5)) === '%PDF-';
  return pdf ? 'application/pdf' : sniffImage(head);
}
