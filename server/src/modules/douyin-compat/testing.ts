import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ecpayCallbackSignature, ecpayRequestSign } from './ecpay-sign.ts';

/*
 * The Douyin dialect's test kit: a merchant's ecpay callback endpoint, written as a Douyin
 * merchant writes it (msg_signature checked with the token), and request signing.
 */

export interface EcpayCallback {
  type: string;
  msg: Record<string, unknown>;
  signatureValid: boolean;
}

/**
 * Records every callback; answers `{"err_no":0,"err_tips":"success"}` while `acknowledge`
 * is true, and a refusal otherwise (Plaza must then send it again).
 */
export async function startEcpayReceiver(token: string) {
  const received: EcpayCallback[] = [];
  const state = { acknowledge: true };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, string>;
      const signatureValid =
        ecpayCallbackSignature({
          token,
          timestamp: String(body.timestamp),
          nonce: String(body.nonce),
          msg: String(body.msg),
        }) === body.msg_signature;
      received.push({ type: String(body.type), msg: JSON.parse(String(body.msg)), signatureValid });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          state.acknowledge ? { err_no: 0, err_tips: 'success' } : { err_no: 1, err_tips: 'busy' },
        ),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/douyin/callback`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** A request body signed as a Douyin merchant's server signs it. */
export function signedBody(appId: string, salt: string, fields: Record<string, unknown>) {
  const body = { app_id: appId, ...fields };
  return { ...body, sign: ecpayRequestSign(body, salt) };
}

export interface TradeCallback {
  type: string;
  version: string;
  msg: Record<string, unknown>;
  /** The raw body and the Byte-* headers, for the test to verify on its own. */
  body: string;
  headers: Record<string, string>;
}

/**
 * A merchant's trade-system callback endpoint: records every callback with its raw body and
 * headers, and answers with what `answer(callback)` returns (`{"err_no":0,…}` by default).
 */
export async function startTradeReceiver() {
  const received: TradeCallback[] = [];
  const state: { answer: (c: TradeCallback) => unknown } = {
    answer: () => ({ err_no: 0, err_tips: 'success' }),
  };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      const parsed = JSON.parse(body) as { type: string; version: string; msg: string };
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(req.headers))
        if (typeof value === 'string' && name.startsWith('byte-')) headers[name] = value;
      const callback = {
        type: parsed.type,
        version: parsed.version,
        msg: JSON.parse(parsed.msg) as Record<string, unknown>,
        body,
        headers,
      };
      received.push(callback);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(state.answer(callback)));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/douyin/trade`,
    received,
    state,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
