import type { AppAuditRow, AppRow, AppStatus } from './apps.table.ts';

export const privacyScopes = ['profile', 'phone_number', 'location', 'address'] as const;
export type PrivacyScope = (typeof privacyScopes)[number];

/** A piece of personal data the app uses, with the reason the user is shown before consenting. */
export interface PrivacyDeclaration {
  scope: PrivacyScope;
  reason: string;
}

/** An app as other modules see it: camelCase, no secrets. */
export interface App {
  /** Internal id (`app_…`): what other modules store. */
  id: string;
  /** Public id (`tt…`): what developers and the super app use. */
  appid: string;
  orgId: string;
  name: string;
  iconUrl: string | null;
  description: string;
  category: string;
  requestDomains: string[];
  webhookUrl: string | null;
  privacy: PrivacyDeclaration[];
  status: AppStatus;
  takedownReason: string | null;
  createdBy: string;
  createdAt: number;
  updatedAt: number;
}

/** The editable part of an app. */
export interface AppProfile {
  name: string;
  iconUrl: string | null;
  description: string;
  category: string;
  requestDomains: string[];
  webhookUrl: string | null;
  privacy: PrivacyDeclaration[];
}

export interface AuditEntry {
  id: string;
  actor: { kind: 'account' | 'operator' | 'system'; id: string | null };
  action: string;
  before: unknown;
  after: unknown;
  createdAt: number;
}

/** Who is acting on an app, for the audit log. */
export type Actor = { kind: 'account' | 'operator'; id: string } | { kind: 'system'; id: null };

export function toApp(row: AppRow): App {
  return {
    id: row.id,
    appid: row.appid,
    orgId: row.org_id,
    name: row.name,
    iconUrl: row.icon_url,
    description: row.description,
    category: row.category,
    requestDomains: JSON.parse(row.request_domains) as string[],
    webhookUrl: row.webhook_url,
    privacy: JSON.parse(row.privacy) as PrivacyDeclaration[],
    status: row.status,
    takedownReason: row.takedown_reason,
    createdBy: row.created_by,
    createdAt: Number(row.created_at),
    updatedAt: Number(row.updated_at),
  };
}

export function profileOf(app: App): AppProfile {
  const { name, iconUrl, description, category, requestDomains, webhookUrl, privacy } = app;
  return { name, iconUrl, description, category, requestDomains, webhookUrl, privacy };
}

export function toAuditEntry(row: AppAuditRow): AuditEntry {
  return {
    id: row.id,
    actor: { kind: row.actor_kind, id: row.actor_id },
    action: row.action,
    before: row.before === null ? null : (JSON.parse(row.before) as unknown),
    after: row.after === null ? null : (JSON.parse(row.after) as unknown),
    createdAt: Number(row.created_at),
  };
}

/** A signed-in console account acting on apps. */
export interface AppCaller {
  accountId: string;
  operator: boolean;
}
