import { useSyncExternalStore } from 'react';

/**
 * The host's own sheets (payment, consent) requested by a mini program through its host
 * capabilities: a capability call waits on a sheet the user answers. A tiny store
 * React renders from, so capability code stays plain async functions.
 */
export type HostSheet =
  | {
      kind: 'payment';
      appName: string;
      order: {
        order_id: string;
        subject: string;
        total_amount: number;
        currency: string;
        items: Array<{ name: string; quantity: number; unit_amount: number }>;
      };
      resolve: (outcome: 'confirm' | 'cancel') => void;
    }
  | { kind: 'consent'; appName: string; scope: string; reason: string; resolve: (granted: boolean) => void }
  | { kind: 'login'; appName: string; phone: string; resolve: (granted: boolean) => void };

let current: HostSheet | null = null;
const listeners = new Set<() => void>();

function set(sheet: HostSheet | null) {
  current = sheet;
  for (const l of listeners) l();
}

export function askPayment(
  appName: string,
  order: Extract<HostSheet, { kind: 'payment' }>['order'],
): Promise<'confirm' | 'cancel'> {
  return new Promise((resolve) =>
    set({
      kind: 'payment',
      appName,
      order,
      resolve: (o) => {
        set(null);
        resolve(o);
      },
    }),
  );
}

/** One-tap login: the first time an app logs the user in, the user says yes to it. */
export function askLogin(appName: string, phone: string): Promise<boolean> {
  return new Promise((resolve) =>
    set({
      kind: 'login',
      appName,
      phone,
      resolve: (g) => {
        set(null);
        resolve(g);
      },
    }),
  );
}

export function askConsent(appName: string, scope: string, reason: string): Promise<boolean> {
  return new Promise((resolve) =>
    set({
      kind: 'consent',
      appName,
      scope,
      reason,
      resolve: (g) => {
        set(null);
        resolve(g);
      },
    }),
  );
}

export function useHostSheet(): HostSheet | null {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => current,
  );
}

export function formatAmount(minor: number, currency: string): string {
  const digits = currency === 'JPY' || currency === 'KRW' ? 0 : 2;
  const value = minor / 10 ** digits;
  const symbol =
    currency === 'CNY' ? '¥' : currency === 'USD' ? '$' : currency === 'EUR' ? '€' : `${currency} `;
  return `${symbol}${value.toFixed(digits)}`;
}
