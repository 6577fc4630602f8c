import type { Clock } from '../../db/clock.ts';
import type { Db, Engine } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { searchErrors } from './errors.ts';
import { platformWords } from './platform-dictionary.ts';
import * as repo from './search.repository.ts';
import type { SearchKind, SearchStep } from './search.table.ts';
import * as events from './search-event.repository.ts';
import { prior, type RankedSignals, score, termsOf } from './search-ranking.ts';
import {
  compactQuery,
  createSegmenter,
  fold,
  pinyinOf,
  queryGroups,
  type Segmenter,
  textTerms,
  titleTerms,
} from './search-terms.ts';
import { createVocabulary, type Vocabulary } from './spelling.ts';

/** What a tap on a result opens. */
export type SearchTarget =
  | { app: string; path: string; params: Record<string, string> }
  | { poi: string }
  | { video: string }
  | { creator: string };

/** One thing to make searchable; the same `kind` and `refId` replace what was there. */
export interface SearchDocumentInput {
  kind: SearchKind;
  refId: string;
  /** The app it opens or belongs to: results of apps not mountable now are left out. */
  appid?: string | null;
  title: string;
  subtitle?: string;
  /** Further text: descriptions, categories, keywords, addresses, captions. */
  text: string[];
  target: SearchTarget;
  lat?: number | null;
  lng?: number | null;
  signals?: Partial<RankedSignals>;
  createdAt: number;
}

export const searchTabs = ['all', 'services', 'places', 'videos', 'users'] as const;
export type SearchTab = (typeof searchTabs)[number];
const kindsOf: Record<SearchTab, readonly SearchKind[]> = {
  all: ['app', 'service', 'poi', 'video', 'creator'],
  services: ['app', 'service'],
  places: ['poi'],
  videos: ['video'],
  users: ['creator'],
};

export interface SearchResult {
  /** `<kind>:<ref>`: what a tap reports. */
  id: string;
  kind: SearchKind;
  title: string;
  subtitle: string;
  appid: string | null;
  target: SearchTarget;
  distanceKm?: number;
}

export interface SearchPage {
  searchId: string | null;
  query: string;
  tab: SearchTab;
  items: SearchResult[];
}

/** An app's declared services (entry pages) and keywords. */
export interface AppEntries {
  keywords: string[];
  services: { title: string; path: string; params: Record<string, string>; keywords: string[] }[];
}

/** What search needs to know of an app to index it. */
export interface SearchableApp {
  appid: string;
  name: string;
  description: string;
  category: string;
  createdAt: number;
}

export interface SearchDeps {
  db: Db;
  engine: Engine;
  clock: Clock;
  /** Apps results may open now (released, active, mountable): asked on every search, so a takedown shows at once. */
  visibleApps(appids: string[]): Promise<Set<string>>;
  /** The app's profile, for its own document and its services'. */
  appProfile(appid: string): Promise<SearchableApp | undefined>;
  /** Quality signals of an app, when the platform has them. */
  appSignals?(appid: string): Promise<Partial<RankedSignals>>;
}

export interface SearchService {
  /** Makes documents searchable (or replaces them): one transaction for the batch. */
  index(docs: SearchDocumentInput[]): Promise<void>;
  remove(refs: { kind: SearchKind; refId: string }[]): Promise<void>;
  /** The app's own document and its services', from its profile and its declared entries. */
  indexApp(appid: string): Promise<void>;
  declareEntries(appid: string, entries: AppEntries): Promise<AppEntries>;
  entriesOf(appid: string): Promise<AppEntries>;
  search(input: {
    query: string;
    tab: SearchTab;
    limit: number;
    near?: { lat: number; lng: number };
    userId: string | null;
    /** False for suggestions and benchmarks: no history, no funnel. */
    record: boolean;
  }): Promise<SearchPage>;
  /** Titles completing what is typed, best first. */
  suggest(prefix: string, limit: number): Promise<{ text: string; kind: SearchKind }[]>;
  recent(userId: string, limit: number): Promise<string[]>;
  popular(limit: number): Promise<string[]>;
  /** A step after a search: counted once per search and result. */
  recordStep(input: {
    searchId: string;
    step: Exclude<SearchStep, 'search'>;
    resultId: string | null;
    userId: string | null;
  }): Promise<boolean>;
  funnel(from: number, to: number): Promise<Record<SearchStep, number>>;
  dictionary(): Promise<{ word: string; addedBy: string; createdAt: number }[]>;
  /** Adds words to the platform dictionary and re-cuts the documents containing them. */
  addWords(words: string[], addedBy: string): Promise<{ added: string[]; reindexed: number }>;
}

const candidateLimit = { title: 100, any: 100 };
const anchorPath = /^[A-Za-z0-9_\-./]+$/;
const wordShape = /^[\p{L}\p{N}]{1,20}$/u;
const popularWindowMs = 7 * 86_400_000;

function latinTerms(terms: string[]): string[] {
  return terms.filter((t) => /^[a-z]{3,24}$/.test(t));
}

let baseSegmenter: Segmenter | undefined;

export function createSearchService(deps: SearchDeps): SearchService {
  const { db, engine, clock } = deps;
  let segmenter: Segmenter | undefined;
  let vocabulary: Vocabulary | undefined;

  // Jieba's dictionary takes a moment to load: one segmenter per process unless the
  // operator added words, which only this platform's segmenter learns.
  async function words(): Promise<Segmenter> {
    if (segmenter) return segmenter;
    const extra = (await repo.dictionaryWords(db)).map((w) => w.word);
    if (extra.length === 0) {
      baseSegmenter ??= createSegmenter(platformWords);
      segmenter = baseSegmenter;
    } else {
      segmenter = createSegmenter([...platformWords, ...extra]);
    }
    return segmenter;
  }

  async function vocab(): Promise<Vocabulary> {
    if (vocabulary) return vocabulary;
    const v = createVocabulary();
    v.add(await repo.vocabulary(db));
    vocabulary = v;
    return v;
  }

  function analyse(seg: Segmenter, doc: SearchDocumentInput) {
    const tTerms = titleTerms(seg, doc.title);
    const titleSet = new Set(tTerms);
    const bTerms = [...new Set(doc.text.flatMap((t) => textTerms(seg, t)))].filter((t) => !titleSet.has(t));
    return { tTerms, bTerms };
  }

  function row(seg: Segmenter, doc: SearchDocumentInput, now: number) {
    const { tTerms, bTerms } = analyse(seg, doc);
    const s: RankedSignals = {
      opens: doc.signals?.opens ?? 0,
      orders: doc.signals?.orders ?? 0,
      refunds: doc.signals?.refunds ?? 0,
      ratingSum: doc.signals?.ratingSum ?? 0,
      ratingCount: doc.signals?.ratingCount ?? 0,
    };
    return {
      values: {
        id: `${doc.kind}:${doc.refId}`,
        kind: doc.kind,
        ref_id: doc.refId,
        appid: doc.appid ?? null,
        title: doc.title,
        subtitle: doc.subtitle ?? '',
        body: doc.text.join('\n'),
        title_terms: tTerms.join(' '),
        body_terms: bTerms.join(' '),
        title_compact: fold(doc.title).replace(/[^\p{L}\p{N}]+/gu, ''),
        title_sound: pinyinOf(doc.title),
        target: JSON.stringify(doc.target),
        lat_e6: doc.lat == null ? null : Math.round(doc.lat * 1e6),
        lng_e6: doc.lng == null ? null : Math.round(doc.lng * 1e6),
        opens: s.opens,
        orders: s.orders,
        refunds: s.refunds,
        rating_sum: s.ratingSum,
        rating_count: s.ratingCount,
        prior: prior(s),
        created_at: doc.createdAt,
        updated_at: now,
      },
      latin: latinTerms([...tTerms, ...bTerms]),
    };
  }

  async function writeDocs(docs: SearchDocumentInput[]): Promise<void> {
    if (docs.length === 0) return;
    const seg = await words();
    const v = await vocab();
    const now = clock.now();
    const rows = docs.map((d) => row(seg, d, now));
    const latin = [...new Set(rows.flatMap((r) => r.latin))].filter((w) => !v.has(w));
    await db.transaction().execute(async (trx) => {
      await repo.upsertDocs(
        trx,
        engine,
        rows.map((r) => r.values),
      );
      await repo.addVocabulary(trx, latin);
    });
    v.add(latin);
  }

  function parseEntries(stored: { keywords: string; services: string } | undefined): AppEntries {
    if (!stored) return { keywords: [], services: [] };
    return {
      keywords: JSON.parse(stored.keywords) as string[],
      services: JSON.parse(stored.services) as AppEntries['services'],
    };
  }

  async function indexApp(appid: string): Promise<void> {
    const app = await deps.appProfile(appid);
    if (!app) throw searchErrors.APP_NOT_FOUND();
    const entries = parseEntries(await repo.entriesOf(db, appid));
    const signals = deps.appSignals ? await deps.appSignals(appid) : {};
    const docs: SearchDocumentInput[] = [
      {
        kind: 'app',
        refId: appid,
        appid,
        title: app.name,
        subtitle: app.description,
        text: [app.description, app.category, ...entries.keywords, ...entries.services.map((s) => s.title)],
        target: { app: appid, path: '', params: {} },
        signals,
        createdAt: app.createdAt,
      },
      ...entries.services.map(
        (s, i): SearchDocumentInput => ({
          kind: 'service',
          refId: `${appid}.${i}`,
          appid,
          title: s.title,
          subtitle: app.name,
          text: [app.name, app.category, ...s.keywords, ...entries.keywords],
          target: { app: appid, path: s.path, params: s.params },
          signals,
          createdAt: app.createdAt,
        }),
      ),
    ];
    const keep = new Set(docs.map((d) => `${d.kind}:${d.refId}`));
    const stale = (await repo.docsOfApp(db, appid)).filter(
      (id) => !keep.has(id) && (id.startsWith('app:') || id.startsWith('service:')),
    );
    await db.transaction().execute(async (trx) => repo.removeDocs(trx, engine, stale));
    await writeDocs(docs);
  }

  async function candidates(groups: ReturnType<typeof queryGroups>, kinds: readonly SearchKind[]) {
    const anywhere = await repo.matchCandidates(db, engine, {
      groups,
      titleOnly: false,
      kinds,
      limit: candidateLimit.any,
    });
    // Title matches are matches anywhere: unless the cut left some out, they are all here
    // already. Rare queries (a brand's full name), which scan every match, run once.
    if (anywhere.length < candidateLimit.any) return anywhere;
    // Most title matches are among the rows read already: only the others are read.
    const read = new Set(anywhere.map((r) => Number(r.rank_key)));
    const inTitle = await repo.matchKeys(db, engine, {
      groups,
      titleOnly: true,
      kinds,
      limit: candidateLimit.title,
    });
    return [
      ...anywhere,
      ...(await repo.candidatesByKey(
        db,
        inTitle.filter((k) => !read.has(k)),
      )),
    ];
  }

  async function ranked(input: {
    query: string;
    tab: SearchTab;
    limit: number;
    near?: { lat: number; lng: number };
  }) {
    const seg = await words();
    const v = await vocab();
    const groups = queryGroups(seg, input.query, (w) => v.corrections(w));
    if (groups.length === 0) return [];
    const rows = await candidates(groups, kindsOf[input.tab]);
    const now = clock.now();
    const ctx = {
      groups,
      phrase: compactQuery(input.query),
      now,
      ...(input.near ? { near: input.near } : {}),
    };
    const scored = rows.map((r) => {
      let folded: string | undefined;
      return {
        r,
        s: score(
          {
            kind: r.kind,
            titleCompact: r.title_compact,
            titleSound: r.title_sound,
            titleTerms: termsOf(r.title_terms),
            bodyTerms: termsOf(r.body_terms),
            bodyText: () => {
              folded ??= fold(r.body);
              return folded;
            },
            signals: {
              opens: Number(r.opens),
              orders: Number(r.orders),
              refunds: Number(r.refunds),
              ratingSum: Number(r.rating_sum),
              ratingCount: Number(r.rating_count),
            },
            latE6: r.lat_e6 === null ? null : Number(r.lat_e6),
            lngE6: r.lng_e6 === null ? null : Number(r.lng_e6),
            createdAt: Number(r.created_at),
          },
          ctx,
        ),
      };
    });
    scored.sort((a, b) => b.s.score - a.s.score || Number(a.r.seq) - Number(b.r.seq));
    // A service that matches no better than its own app adds nothing: the app's result opens it.
    const appScore = new Map<string, number>();
    for (const x of scored) if (x.r.kind === 'app' && x.r.appid) appScore.set(x.r.appid, x.s.relevance);
    const distinct = scored.filter(
      (x) => x.r.kind !== 'service' || x.r.appid === null || x.s.relevance > (appScore.get(x.r.appid) ?? -1),
    );
    // Apps that are not mountable now (taken down, unreleased) are left out, asked fresh each time.
    const appOwned = (r: repo.CandidateRow) => r.kind === 'app' || r.kind === 'service';
    const head = distinct.slice(0, input.limit * 3);
    const appids = [
      ...new Set(head.filter((x) => appOwned(x.r) && x.r.appid).map((x) => x.r.appid as string)),
    ];
    const visible = appids.length > 0 ? await deps.visibleApps(appids) : new Set<string>();
    return head
      .filter((x) => !appOwned(x.r) || (x.r.appid !== null && visible.has(x.r.appid)))
      .slice(0, input.limit)
      .map(
        (x): SearchResult => ({
          id: x.r.id,
          kind: x.r.kind,
          title: x.r.title,
          subtitle: x.r.subtitle,
          appid: x.r.appid,
          target: JSON.parse(x.r.target) as SearchTarget,
          ...(x.s.distanceKm !== undefined ? { distanceKm: Math.round(x.s.distanceKm * 10) / 10 } : {}),
        }),
      );
  }

  function checkQuery(query: string): string {
    const q = query.trim();
    if (q.length === 0 || q.length > 100) throw searchErrors.QUERY_INVALID();
    return q;
  }

  return {
    index: writeDocs,

    async remove(refs) {
      await db.transaction().execute(async (trx) =>
        repo.removeDocs(
          trx,
          engine,
          refs.map((r) => `${r.kind}:${r.refId}`),
        ),
      );
    },

    indexApp,

    async declareEntries(appid, entries) {
      for (const s of entries.services) {
        const path = s.path.replace(/^\//, '');
        if (!anchorPath.test(path) || path.includes('..')) throw searchErrors.ENTRY_PATH_INVALID();
      }
      const clean: AppEntries = {
        keywords: [...new Set(entries.keywords.map((k) => k.trim()).filter((k) => k.length > 0))],
        services: entries.services.map((s) => ({ ...s, path: s.path.replace(/^\//, '') })),
      };
      await repo.saveEntries(db, {
        appid,
        keywords: JSON.stringify(clean.keywords),
        services: JSON.stringify(clean.services),
        updated_at: clock.now(),
      });
      await indexApp(appid);
      return clean;
    },

    async entriesOf(appid) {
      return parseEntries(await repo.entriesOf(db, appid));
    },

    async search(input) {
      const query = checkQuery(input.query);
      const items = await ranked({ ...input, query });
      let searchId: string | null = null;
      if (input.record) {
        searchId = newId('srch');
        await events.insertEvent(db, {
          id: newId('sev'),
          search_id: searchId,
          step: 'search',
          user_id: input.userId,
          query: fold(query),
          doc_id: null,
          appid: null,
          at: clock.now(),
        });
      }
      return { searchId, query, tab: input.tab, items };
    },

    async suggest(prefix, limit) {
      const query = checkQuery(prefix);
      const items = await ranked({ query, tab: 'all', limit: limit * 2 });
      const seen = new Set<string>();
      const out: { text: string; kind: SearchKind }[] = [];
      for (const item of items) {
        if (seen.has(item.title)) continue;
        seen.add(item.title);
        out.push({ text: item.title, kind: item.kind });
        if (out.length === limit) break;
      }
      return out;
    },

    recent: (userId, limit) => events.recentQueries(db, userId, limit),

    popular: (limit) => events.popularQueries(db, clock.now() - popularWindowMs, limit),

    async recordStep(input) {
      const search = await events.findSearch(db, input.searchId);
      if (!search) throw searchErrors.SEARCH_NOT_FOUND();
      let appid: string | null = null;
      if (input.resultId !== null) {
        const doc = await repo.findDoc(db, input.resultId);
        if (!doc) throw searchErrors.RESULT_NOT_FOUND();
        appid = doc.appid;
      }
      if (await events.stepCounted(db, input.searchId, input.step, input.resultId)) return false;
      await events.insertEvent(db, {
        id: newId('sev'),
        search_id: input.searchId,
        step: input.step,
        user_id: input.userId,
        query: search.query,
        doc_id: input.resultId,
        appid,
        at: clock.now(),
      });
      return true;
    },

    funnel: (from, to) => events.stepCounts(db, from, to),

    async dictionary() {
      return (await repo.dictionaryWords(db)).map((w) => ({
        word: w.word,
        addedBy: w.added_by,
        createdAt: Number(w.created_at),
      }));
    },

    async addWords(list, addedBy) {
      const folded = list.map((w) => fold(w.trim()));
      for (const w of folded) if (!wordShape.test(w)) throw searchErrors.WORD_INVALID({ word: w });
      const added = await db
        .transaction()
        .execute((trx) => repo.addDictionaryWords(trx, [...new Set(folded)], addedBy, clock.now()));
      if (added.length === 0) return { added, reindexed: 0 };
      // The new words cut whole from now on; documents already holding them are cut again.
      segmenter = undefined;
      const touched = new Map<string, SearchDocumentInput>();
      for (const word of added) {
        for (const d of await repo.docsContaining(db, word)) {
          touched.set(d.id, {
            kind: d.kind,
            refId: d.ref_id,
            appid: d.appid,
            title: d.title,
            subtitle: d.subtitle,
            text: d.body.length > 0 ? d.body.split('\n') : [],
            target: JSON.parse(d.target) as SearchTarget,
            lat: d.lat_e6 === null ? null : Number(d.lat_e6) / 1e6,
            lng: d.lng_e6 === null ? null : Number(d.lng_e6) / 1e6,
            signals: {
              opens: Number(d.opens),
              orders: Number(d.orders),
              refunds: Number(d.refunds),
              ratingSum: Number(d.rating_sum),
              ratingCount: Number(d.rating_count),
            },
            createdAt: Number(d.created_at),
          });
        }
      }
      await writeDocs([...touched.values()]);
      return { added, reindexed: touched.size };
    },
  };
}
