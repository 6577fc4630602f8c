import { useSyncExternalStore } from 'react';

/**
 * The host's own sheets (payment, consent) requested by a mini program through its host
 * capabilities: a capability call waits on a sheet the user answers. A tiny store
 * React renders from, so capability code stays plain async functions.
 */
/** The app a sheet speaks for, as the super app lists it (never as the program says). */
export interface SheetApp {
  appName: string;
  appIcon: string | null;
}

export type HostSheet = SheetApp &
  (
    | {
        kind: 'payment';
        order: {
          order_id: string;
          subject: string;
          total_amount: number;
          currency: string;
          items: Array<{ name: string; quantity: number; unit_amount: number }>;
        };
        resolve: (outcome: 'confirm' | 'cancel') => void;
      }
    | { kind: 'consent'; scope: string; reason: string; resolve: (granted: boolean) => void }
    | { kind: 'login'; phone: string; resolve: (granted: boolean) => void }
    | {
        kind: 'subscribe';
        templateKind: 'one_time' | 'long_term';
        templates: SubscribeSheetTemplate[];
        resolve: (answer: SubscribeAnswer) => void;
      }
  );

/** One template in the subscription sheet, as the platform holds it. */
export interface SubscribeSheetTemplate {
  template_id: string;
  title: string;
  keywords: string[];
}

/** The ticked templates, and whether to keep this choice without asking again. */
export interface SubscribeAnswer {
  accepted: string[];
  always: boolean;
}

let current: HostSheet | null = null;
const listeners = new Set<() => void>();

function set(sheet: HostSheet | null) {
  current = sheet;
  for (const l of listeners) l();
}

export function askPayment(
  app: SheetApp,
  order: Extract<HostSheet, { kind: 'payment' }>['order'],
): Promise<'confirm' | 'cancel'> {
  return new Promise((resolve) =>
    set({
      kind: 'payment',
      ...app,
      order,
      resolve: (o) => {
        set(null);
        resolve(o);
      },
    }),
  );
}

/** One-tap login: the first time an app logs the user in, the user says yes to it. */
export function askLogin(app: SheetApp, phone: string): Promise<boolean> {
  return new Promise((resolve) =>
    set({
      kind: 'login',
      ...app,
      phone,
      resolve: (g) => {
        set(null);
        resolve(g);
      },
    }),
  );
}

export function askConsent(app: SheetApp, scope: string, reason: string): Promise<boolean> {
  return new Promise((resolve) =>
    set({
      kind: 'consent',
      ...app,
      scope,
      reason,
      resolve: (g) => {
        set(null);
        resolve(g);
      },
    }),
  );
}

/** `requestSubscribeMessage`: the user ticks the messages they agree to receive. */
export function askSubscribe(
  app: SheetApp,
  templateKind: 'one_time' | 'long_term',
  templates: SubscribeSheetTemplate[],
): Promise<SubscribeAnswer> {
  return new Promise((resolve) =>
    set({
      kind: 'subscribe',
      ...app,
      templateKind,
      templates,
      resolve: (answer) => {
        set(null);
        resolve(answer);
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
