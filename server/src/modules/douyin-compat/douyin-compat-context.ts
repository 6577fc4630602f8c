import { generateKeyPair } from 'node:crypto';
import { promisify } from 'node:util';
import type { Clock } from '../../db/clock.ts';
import type { Db, Executor } from '../../db/database.ts';
import type { AppsService } from '../apps/index.ts';
import type { LoginService } from '../login/index.ts';
import { platformKey } from '../login/index.ts';
import type { PaymentsService } from '../payments/index.ts';
import { platformKeyPair } from './trade.repository.ts';

const rsaKeyPair = promisify(generateKeyPair);

/** Plaza's trade-callback key pair: RSA 2048, PEM (PKCS#8 private, SPKI public). */
export async function freshTradeKeyPair(): Promise<{ privateKey: string; publicKey: string }> {
  return rsaKeyPair('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  });
}

/** What the Douyin dialect's services translate to: Plaza's own apps, login and payments. */
export interface DouyinCompatDeps {
  db: Db;
  clock: Clock;
  apps: Pick<AppsService, 'requireActive' | 'requireRole' | 'get' | 'resolveClientToken'>;
  login: Pick<LoginService, 'openidFor'>;
  payments: Pick<PaymentsService, 'orders' | 'refunds' | 'settlement' | 'options'>;
  /** The source the trade callbacks sign with (`tradeKeySource`), shared with them. */
  tradeKey?: TradeKeySource;
}

/** Plaza's trade-callback key pair (PEM), read in the caller's transaction when one is given. */
export type TradeKeySource = (trx?: Executor) => Promise<{ privateKey: string; publicKey: string }>;

/**
 * Plaza's trade-callback key pair, made once and shared by every instance through the
 * database; a failed read is tried again by the next caller. Inside a transaction (a
 * callback enqueued with its payment) the pair is read or made with that transaction, never
 * with another connection: on SQLite's one connection that would wait for itself.
 */
export function tradeKeySource(db: Db, clock: Clock): TradeKeySource {
  const name = 'douyin.trade-callbacks';
  let known: { privateKey: string; publicKey: string } | undefined;
  let pair: Promise<{ privateKey: string; publicKey: string }> | undefined;
  return (trx) => {
    if (known) return Promise.resolve(known);
    if (trx) return platformKeyPair(trx, name, freshTradeKeyPair, clock.now());
    pair ??= platformKeyPair(db, name, freshTradeKeyPair, clock.now()).then(
      (found) => {
        known = found;
        return found;
      },
      (error) => {
        pair = undefined;
        throw error;
      },
    );
    return pair;
  };
}

/** What the dialect's sub-services share: their deps and the key ecpay order tokens are signed with. */
export function douyinCompatContext(deps: DouyinCompatDeps) {
  let tokenKey: Promise<Buffer> | undefined;
  return {
    ...deps,
    /** Plaza's RSA key pair for trade callbacks (`Byte-Signature`). */
    tradeKey: deps.tradeKey ?? tradeKeySource(deps.db, deps.clock),
    /** Shared by every instance through the database, like Plaza's own order-token key. */
    ecpayTokenKey(): Promise<Buffer> {
      tokenKey ??= platformKey(deps.db, 'douyin.ecpay-order-token', deps.clock.now()).catch((error) => {
        tokenKey = undefined;
        throw error;
      });
      return tokenKey;
    },
  };
}

export type DouyinCompatContext = ReturnType<typeof douyinCompatContext>;
