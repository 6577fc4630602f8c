import { absentMember, INERT } from './absent-member.ts';
import type { CallbackErrorReporter } from './api-conventions.ts';

/** WxCloud's calls that reach the vendor's backend, as its typings declare them. */
const SERVICE_CALLS = [
  'callFunction',
  'getTempFileURL',
  'deleteFile',
  'callContainer',
  'connectContainer',
] as const;
const TRANSFER_CALLS = ['uploadFile', 'downloadFile'] as const;

/** The database calls that would reach the backend; every other call only builds a query. */
const DATABASE_REQUESTS = new Set(['get', 'add', 'update', 'set', 'remove', 'count']);

/**
 * `wx.cloud`: an object, as in WeChat's typings (`cloud: WxCloud`), so programs that call
 * `wx.cloud.init()` in onLaunch keep running. Plaza has no cloud backend, so `init` succeeds as
 * a no-op and every service call fails the platform's way (`"cloud.callFunction:fail not
 * supported"` through fail/complete and the promise); database queries build as usual and fail
 * when they are sent (`"collection.get:fail not supported"`, `"document.update:…"`).
 */
export function cloudNamespace(report: CallbackErrorReporter): Record<string, unknown> {
  const cloud: Record<string, unknown> = {
    init: (_config?: unknown) => undefined,
    database: (_config?: unknown) => databaseNode('database', report),
    // `new wx.cloud.Cloud({ resourceEnv })`: another environment's instance, as unserved.
    Cloud: function Cloud() {
      return cloudNamespace(report);
    },
    CloudID: (_id?: unknown) => INERT,
    CDN: (_target?: unknown) => INERT,
    services: INERT,
    extend: INERT,
  };
  for (const name of SERVICE_CALLS) cloud[name] = absentMember(`cloud.${name}`, 'async', report);
  for (const name of TRANSFER_CALLS) cloud[name] = absentMember(`cloud.${name}`, 'task', report);
  return cloud;
}

type Node = 'database' | 'collection' | 'document';

/**
 * One step of a query chain, callable and with members (`db.command.eq(1)`, `db.serverDate()`):
 * `.doc()` leads to a document, `.collection()` to a collection, any other builder keeps the level.
 */
function databaseNode(kind: Node, report: CallbackErrorReporter): unknown {
  return new Proxy(() => undefined, {
    get(_target, key) {
      if (key === 'then' || typeof key === 'symbol') return undefined;
      if (kind !== 'database' && DATABASE_REQUESTS.has(key))
        return absentMember(`${kind}.${key}`, 'async', report);
      return databaseNode(key === 'doc' ? 'document' : key === 'collection' ? 'collection' : kind, report);
    },
    apply: () => databaseNode(kind, report),
  });
}
