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
  /**
   * For a step a signed-in client reported: a hash of user, step, app, video and day,
   * unique, so a repeat is not counted. Null for steps the platform observed itself.
   */
  reported_key: string | null;
  /** Where the step came from (`video`, `live`), when it is known; null otherwise. */
  source_kind: FunnelSourceKind | null;
  source_id: string | null;
}

export const funnelSourceKinds = ['video', 'live'] as const;
export type FunnelSourceKind = (typeof funnelSourceKinds)[number];
/** A video or a live room: the place the user met the app. */
export interface FunnelSource {
  kind: FunnelSourceKind;
  id: string;
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

/** The steps a client reports (the super app's feed and sheet); the rest the platform observes. */
export const reportedSteps = ['anchor_exposure', 'anchor_click', 'app_open'] as const;
export type ReportedStep = (typeof reportedSteps)[number];
