import type { QueryGroup, QueryTerm } from './search-terms.ts';

/**
 * A query's groups as each engine's full-text syntax: every group required, any option of
 * a group, every term of an option. Terms are letters and digits only (search-terms.ts),
 * so quoting them is enough; nothing of the user's text reaches the engine unquoted.
 */
const safeTerm = /^[\p{L}\p{N}]+$/u;

function checked(t: QueryTerm): QueryTerm {
  if (!safeTerm.test(t.term)) throw new Error(`search term out of alphabet: ${JSON.stringify(t.term)}`);
  return t;
}

function build(groups: QueryGroup[], term: (t: QueryTerm) => string, and: string, or: string): string {
  return groups
    .map((g) => `(${g.options.map((o) => `(${o.terms.map((t) => term(checked(t))).join(and)})`).join(or)})`)
    .join(and);
}

/** FTS5 MATCH text; `titleOnly` limits it to the title column. */
export function fts5Match(groups: QueryGroup[], titleOnly: boolean): string {
  const expr = build(groups, (t) => `"${t.term}"${t.prefix ? '*' : ''}`, ' AND ', ' OR ');
  return titleOnly ? `{title} : (${expr})` : expr;
}

/** PostgreSQL tsquery literal (lexemes taken verbatim, `:*` for a prefix). */
export function tsquery(groups: QueryGroup[]): string {
  return build(groups, (t) => `'${t.term}'${t.prefix ? ':*' : ''}`, ' & ', ' | ');
}
