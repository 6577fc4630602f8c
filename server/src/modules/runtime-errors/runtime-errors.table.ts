/**
 * Script errors users' containers reported, grouped by what went wrong where: one row per
 * app, message and author location, counted, never one row per report (a crashing page
 * reports on every open).
 */
export interface RuntimeErrorGroupTable {
  id: string;
  appid: string;
  /** sha256 of message, file, line and column: what makes two reports the same error. */
  fingerprint: string;
  message: string;
  /** The author's file and line, as the runtime maps them from the bundle; null when unknown. */
  file: string | null;
  line: number | null;
  column: number | null;
  count: number;
  first_seen: number;
  last_seen: number;
}

/** How often one error group happened in one version of the app. */
export interface RuntimeErrorVersionTable {
  group_id: string;
  version: string;
  count: number;
  last_seen: number;
}

export interface RuntimeErrorTables {
  runtime_error_group: RuntimeErrorGroupTable;
  runtime_error_version: RuntimeErrorVersionTable;
}
