/**
 * The platform's answers that the developer and operator consoles read (snake_case, as
 * /openapi.json describes them). The server's response schemas are pinned to these types
 * with `SameShape`, so the consoles never keep a copy that drifts.
 */

export type OrgRole = 'owner' | 'admin' | 'developer' | 'viewer';

/** `GET /api/me/account`: a developer or operator. */
export interface ConsoleAccount {
  id: string;
  email: string;
  name: string;
  operator: boolean;
  created_at: number;
}

/** An org as its member sees it, with their role. */
export interface ConsoleOrg {
  id: string;
  name: string;
  role: OrgRole;
  created_at: number;
}

/** `GET /api/app-categories`: an industry, its commission and what its apps may use. */
export interface AppCategory {
  id: string;
  name: string;
  commission_bps: number;
  capabilities: string[];
}

export interface OrgMember {
  account_id: string;
  email: string;
  name: string;
  role: OrgRole;
  joined_at: number;
}

export interface OrgInvitation {
  email: string;
  role: OrgRole;
  invited_by: string;
  created_at: number;
}

/** A mini program's registration. */
export interface ConsoleApp {
  appid: string;
  org_id: string;
  name: string;
  icon_url: string | null;
  description: string;
  category: string;
  request_domains: string[];
  webhook_url: string | null;
  privacy: Array<{ scope: string; reason: string }>;
  status: 'active' | 'taken_down';
  takedown_reason: string | null;
  created_by: string;
  created_at: number;
  updated_at: number;
}

export interface PageCheckError {
  source: string;
  message: string;
  file?: string | undefined;
  line?: number | undefined;
  column?: number | undefined;
}

/** What the automated review found: the package loads, every page renders, APIs it may not use. */
export interface CheckReport {
  ok: boolean;
  load: { ok: boolean; error?: string | undefined };
  pages: Array<{
    path: string;
    rendered: boolean;
    ms: number;
    errors: PageCheckError[];
    /** sha256 of the page's PNG: `GET /api/apps/:appid/versions/:versionId/screenshots/:sha256`. */
    screenshot?: string | undefined;
  }>;
  unsupported: { apis: string[]; components: string[] };
  scopes: Array<{ api: string; scope: string }>;
  request_domains: Array<{
    url: string;
    origin: string;
    file?: string | undefined;
    line?: number | undefined;
  }>;
  request_domains_error?: string | undefined;
  started_at: number;
  finished_at: number;
}

export type VersionStatus = 'uploaded' | 'in_review' | 'approved' | 'rejected' | 'released' | 'rolled_back';

/** One uploaded package of an app with its checks and review. */
export interface AppVersion {
  id: string;
  version: string;
  description: string;
  status: VersionStatus;
  package: { sha256: string; bytes: number };
  sizes: { main: number; subpackages: Record<string, number>; total: number };
  uploaded_by: { kind: 'account' | 'app'; id: string };
  checks: { status: 'pending' | 'passed' | 'failed'; report: CheckReport | null } | null;
  review_reasons: string[] | null;
  reviewed_by: string | null;
  created_at: number;
  submitted_at: number | null;
  reviewed_at: number | null;
  released_at: number | null;
}

/** An item of the operators' review queue. */
/** What a list gained and lost between two versions. */
export interface ListChange {
  added: string[];
  removed: string[];
}

export interface QueuedVersion extends AppVersion {
  appid: string;
  app_name: string;
  app_category: string;
  /** Pages, privacy scopes asked for and origins reached, against the released version. */
  changes: {
    /** The released version compared with; null when nothing is released. */
    against: string | null;
    pages: ListChange;
    scopes: ListChange;
    /** Null when a program's logic could not be read. */
    domains: ListChange | null;
  };
}

/** `GET /api/apps/:appid/release`: the released version, its share of users and the fallback. */
export interface ReleaseState {
  version: AppVersion;
  base: AppVersion | null;
  percentage: number;
}

/** A webhook event and every attempt to deliver it. */
export interface WebhookDelivery {
  id: string;
  type: string;
  status: 'pending' | 'delivered' | 'failing' | 'failed';
  body: string;
  attempt_count: number;
  last_attempt_at: number | null;
  delivered_at: number | null;
  created_at: number;
  attempts: Array<{
    id: string;
    url: string | null;
    status_code: number | null;
    duration_ms: number;
    error: string | null;
    created_at: number;
  }>;
}

/** `GET /api/apps/:appid/audit`: who changed what on an app. */
export interface AppAuditEntry {
  id: string;
  actor: { kind: 'account' | 'operator' | 'system'; id: string | null };
  action: string;
  before: unknown;
  after: unknown;
  created_at: number;
}

export type OrderStatus = 'created' | 'paid' | 'settled' | 'closed' | 'refunded';

/** An order of the app (amounts in minor units, times ISO 8601). */
export interface PaymentOrder {
  order_id: string;
  out_order_no: string;
  appid: string;
  openid: string;
  status: OrderStatus;
  total_amount: number;
  refunded_amount: number;
  currency: string;
  subject: string;
  body: string | null;
  items: Array<{ name: string; quantity: number; unit_amount: number }>;
  cp_extra: string | null;
  created_at: string;
  expires_at: string;
  paid_at: string | null;
  closed_at: string | null;
  settled_at: string | null;
}

/** A page of orders: `next_cursor` asks for the next one. */
export interface OrderPage {
  items: PaymentOrder[];
  next_cursor: string | null;
}

export interface PaymentRefund {
  refund_id: string;
  out_refund_no: string | null;
  order_id: string;
  amount: number;
  currency: string;
  status: 'requested' | 'succeeded' | 'declined';
  source: 'escrow' | 'merchant_balance' | null;
  reason: string | null;
  decline_reason: string | null;
  created_at: string;
  succeeded_at: string | null;
}

export interface OrderTimelineEvent {
  at: string;
  kind:
    | 'created'
    | 'paid'
    | 'closed'
    | 'refund_requested'
    | 'refund_succeeded'
    | 'refund_declined'
    | 'settled';
  amount: number | null;
  refund_id: string | null;
  note: string | null;
}

/** `GET /api/apps/:appid/orders/:id`: the order, its refunds and what happened to it. */
export interface OrderDetail {
  order: PaymentOrder;
  refunds: PaymentRefund[];
  timeline: OrderTimelineEvent[];
}

/** `GET /api/operator/videos`: a video of any status, as the operator moderates it. */
export interface ModeratedVideo {
  id: string;
  caption: string;
  creator: { id: string; name: string };
  status: 'published' | 'removed' | 'taken_down';
  takedown_reason: string | null;
  anchor: { appid: string; title: string; path: string } | null;
  place: { poi_id: string; name: string } | null;
  impressions: number;
  plays: number;
  likes: number;
  created_at: number;
}

/** `GET /api/operator/creators`: a creator with their videos counted by status. */
export interface CreatorSummary {
  user_id: string;
  name: string;
  published: number;
  taken_down: number;
  created_at: number;
}

/** `GET /api/operator/jobs`: a background job that needs the operator (its payload left out). */
export interface OperatorJob {
  id: string;
  type: string;
  status: 'queued' | 'running' | 'done' | 'dead';
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  created_at: number;
  updated_at: number;
  finished_at: number | null;
}

/** The merchant's server and the console read the same receivers and statements. */
export type { Receiver as PaymentReceiver, Statement as PaymentStatement } from '@plaza/server-sdk/types';

/** `GET /api/apps/:appid/balances`: minor units per currency the app has money in. */
export interface AppBalance {
  currency: string;
  held: number;
  available: number;
  pending_out: number;
}

/** `GET /api/apps/:appid/runtime-errors`: one error as users' containers reported it, grouped. */
export interface RuntimeErrorGroup {
  id: string;
  message: string;
  /** The author's file and line (and column), when the runtime could map them. */
  file: string | null;
  line: number | null;
  column: number | null;
  count: number;
  first_seen: string;
  last_seen: string;
  /** The versions it happened in, the most recent first, with their counts. */
  versions: Array<{ version: string; count: number }>;
}

export type MessageKeywordType =
  | 'thing'
  | 'number'
  | 'letter'
  | 'symbol'
  | 'character_string'
  | 'time'
  | 'date'
  | 'amount'
  | 'phone_number'
  | 'car_number'
  | 'name'
  | 'phrase';

/** `GET /api/apps/:appid/message-templates`: a template the app selected from the library. */
export interface AppMessageTemplate {
  template_id: string;
  appid: string;
  library_id: string;
  title: string;
  kind: 'one_time' | 'long_term';
  keywords: Array<{ key: string; name: string; type: MessageKeywordType }>;
  scene: string | null;
  created_at: number;
}

/** `GET /api/apps/:appid/funnel/messages`: one template's sends over the period. */
export interface MessageTemplateFigures {
  template_id: string;
  title: string;
  sent: number;
  delivered: number;
  opened: number;
  ordered: number;
}

/** `GET /api/apps/:appid/douyin/payment-settings`: the migration kit's SALT and callback token. */
export interface DouyinPaymentSettings {
  salt: string;
  callback_token: string;
  notify_url: string | null;
  updated_at: string;
}

/** `GET /api/apps/:appid/douyin/trade-settings`: the trade system's keys. */
export interface DouyinTradeSettings {
  public_key: string;
  key_version: string;
  notify_url: string | null;
  platform_public_key: string;
  updated_at: string;
}
