import type { SearchKind } from './search.table.ts';
import type { QueryGroup } from './search-terms.ts';

/**
 * The order of results: text relevance first, then quality, distance and freshness as
 * bounded boosts on top of it. Relevance is computed here, in one place, from the terms
 * stored with each document, so both engines rank the same candidates the same way.
 * Quality is smoothed toward a neutral prior: a new merchant with no orders scores as an
 * average one and is ranked by relevance, not pushed under the incumbents.
 */

export interface RankedSignals {
  /** App opens and orders that followed them: conversion = orders / opens. */
  opens: number;
  orders: number;
  refunds: number;
  ratingSum: number;
  ratingCount: number;
}

/**
 * A document's terms as stored: space-separated, with a space at each end, so a term is
 * found by one substring search and no set is built per candidate.
 */
export type Terms = string;

export function termsOf(stored: string): Terms {
  return ` ${stored} `;
}

export interface Candidate {
  kind: SearchKind;
  /** The title folded, without separators, and its whole pinyin (kept at indexing time). */
  titleCompact: string;
  titleSound: string;
  titleTerms: Terms;
  bodyTerms: Terms;
  /** The body folded, for checking that characters matched apart stand together (asked only then). */
  bodyText: () => string;
  signals: RankedSignals;
  latE6: number | null;
  lngE6: number | null;
  createdAt: number;
}

export interface RankContext {
  groups: QueryGroup[];
  /** The query folded, without separators (`compactQuery`): compared with titles as a phrase. */
  phrase: string;
  /** Where the user is, when they granted location. */
  near?: { lat: number; lng: number };
  now: number;
}

const priorOpens = 50;
const priorConversion = 0.1;
const priorOrders = 20;
const priorRefundRate = 0.05;
const priorRatings = 10;
const priorRating = 4;

/** Quality in [-1, 1]: 0 for a merchant with no history. */
export function quality(s: RankedSignals): number {
  const conversion = (s.orders + priorConversion * priorOpens) / (s.opens + priorOpens);
  const refundRate = (s.refunds + priorRefundRate * priorOrders) / (s.orders + priorOrders);
  const rating = (s.ratingSum + priorRating * priorRatings) / (s.ratingCount + priorRatings);
  const c = Math.max(-1, Math.min(1, (conversion - priorConversion) / priorConversion));
  const r = Math.max(-1, Math.min(1, (priorRefundRate - refundRate) / priorRefundRate));
  const q = Math.max(-1, Math.min(1, rating - priorRating));
  return (c + r + q) / 3;
}

function has(terms: Terms, t: { term: string; prefix: boolean }): 'exact' | 'prefix' | null {
  if (terms.includes(` ${t.term} `)) return 'exact';
  if (t.prefix && terms.includes(` ${t.term}`)) return 'prefix';
  return null;
}

/**
 * How well one field satisfies one option: 0 when some term is missing. Characters matched
 * apart count for little unless the field holds them as the word (上海 is not 海珠…上下九路).
 */
function optionScore(terms: Terms, text: () => string, option: QueryGroup['options'][number]): number {
  let score = 1;
  for (const t of option.terms) {
    const hit = has(terms, t);
    if (!hit) return 0;
    if (hit === 'prefix') score *= 0.85;
  }
  if (option.phrase && !text().includes(option.phrase)) score *= 0.3;
  return score * option.weight;
}

/** Text relevance in about [0, 2]: the share of query words matched (title counting double), plus phrase bonuses. */
export function relevance(c: Candidate, ctx: RankContext): number {
  if (ctx.groups.length === 0) return 0;
  let sum = 0;
  for (const g of ctx.groups) {
    let best = 0;
    for (const option of g.options) {
      best = Math.max(
        best,
        optionScore(c.titleTerms, () => c.titleCompact, option),
        0.5 * optionScore(c.bodyTerms, c.bodyText, option),
      );
    }
    sum += best;
  }
  let score = sum / ctx.groups.length;
  const phrase = ctx.phrase;
  if (phrase.length > 0) {
    const title = c.titleCompact;
    const sound = c.titleSound;
    if (title === phrase || sound === phrase) score += 0.6;
    else if (title.startsWith(phrase) || (sound.length > 0 && sound.startsWith(phrase))) score += 0.4;
    else if (title.includes(phrase)) score += 0.25;
    // Shorter titles that match are closer to what was asked for.
    if (title.length > 0) score += 0.15 * Math.min(1, phrase.length / title.length);
  }
  return score;
}

const earthRadiusKm = 6371;
export function distanceKm(a: { lat: number; lng: number }, b: { lat: number; lng: number }): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLng = (b.lng - a.lng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * earthRadiusKm * Math.asin(Math.min(1, Math.sqrt(h)));
}

const dayMs = 86_400_000;

/**
 * Search is the active way to a service: with the same text match, what can be done (an
 * app, a service, a place) comes before what can be watched.
 */
const kindWeight: Record<SearchKind, number> = { app: 1.1, service: 1.1, poi: 1.1, creator: 1, video: 0.9 };

/** The final score: relevance times (1 + bounded boosts), so no boost outweighs a better text match by much. */
export function score(
  c: Candidate,
  ctx: RankContext,
): { score: number; relevance: number; distanceKm?: number } {
  const rel = relevance(c, ctx);
  let boost = 0.2 * quality(c.signals);
  let km: number | undefined;
  if (ctx.near && c.latE6 !== null && c.lngE6 !== null) {
    km = distanceKm(ctx.near, { lat: c.latE6 / 1e6, lng: c.lngE6 / 1e6 });
    boost += 0.3 * Math.exp(-km / 3);
  }
  const ageDays = Math.max(0, (ctx.now - c.createdAt) / dayMs);
  boost += 0.1 * Math.exp(-ageDays / 30);
  return {
    score: rel * kindWeight[c.kind] * (1 + boost),
    relevance: rel,
    ...(km !== undefined ? { distanceKm: km } : {}),
  };
}

/** The static order candidates are cut by before ranking (higher first): quality only. */
export function prior(s: RankedSignals): number {
  return Math.round(quality(s) * 1000);
}
