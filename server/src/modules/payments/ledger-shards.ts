import { maxShards } from '../ledger/index.ts';

/**
 * How many escrow, merchant balance and commission accounts each owner's money is spread
 * over. Every payment of an app credits its escrow and every settlement debits it; with one
 * account per app, all of them queue on one locked row (and on PostgreSQL a second server
 * process adds waiting, not throughput). Eight shards let eight of one app's payments
 * commit at once; reads sum the shards.
 */
export const ledgerShardCount = 8;

if (ledgerShardCount > maxShards) throw new Error('more ledger shards than the ledger allows');

/**
 * The shard an order's money moves through, chosen once from its id when it is paid and
 * kept on the order (FNV-1a: cheap, stable across processes and releases, evenly spread).
 *
 * @example
 * ledgerShardOf('ord_x8Kq…') // → 0…7
 */
export function ledgerShardOf(orderId: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < orderId.length; i++) {
    hash ^= orderId.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ledgerShardCount;
}
