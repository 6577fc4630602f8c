export interface FunnelEventTable {
  id: string;
  appid: string;
  step: FunnelStep;
  user_id: string | null;
  /** Minor units, for `settled`; 0 otherwise. */
  amount: number;
  /** UTC day number (epoch ms / 86 400 000), so both engines group the same way. */
  day: number;
  at: number;
}

export interface FunnelTables {
  funnel_event: FunnelEventTable;
}

/** The closed loop, in order: a video's anchor is seen, tapped, the app opens, the user logs in, pays, the order settles. */
export const funnelSteps = [
  'anchor_exposure',
  'anchor_click',
  'app_open',
  'login',
  'paid',
  'settled',
] as const;
export type FunnelStep = (typeof funnelSteps)[number];
