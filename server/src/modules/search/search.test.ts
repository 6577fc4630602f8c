import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testEngines } from '../../../test/support/test-database.ts';
import type { Engine } from '../../db/database.ts';
import type { SearchDocumentInput } from './search.service.ts';
import { startSearchStore } from './testing.ts';

const day = 86_400_000;
const now = Date.UTC(2026, 11, 1);

function app(
  appid: string,
  name: string,
  text: string[],
  signals: SearchDocumentInput['signals'] = {},
): SearchDocumentInput {
  return {
    kind: 'app',
    refId: appid,
    appid,
    title: name,
    text,
    target: { app: appid, path: '', params: {} },
    signals,
    createdAt: now - 400 * day,
  };
}

function poi(id: string, name: string, address: string, lat: number, lng: number): SearchDocumentInput {
  return {
    kind: 'poi',
    refId: id,
    title: name,
    subtitle: address,
    text: [address],
    target: { poi: id },
    lat,
    lng,
    createdAt: now - 100 * day,
  };
}

// A small catalogue in the shapes the platform indexes: Chinese, pinyin, English and mixed.
const catalogue: SearchDocumentInput[] = [
  app('ttmixue', '蜜雪冰城', ['奶茶', '柠檬水', '冰淇淋'], {
    opens: 5000,
    orders: 900,
    ratingSum: 4600,
    ratingCount: 1000,
  }),
  app('ttlanzhou', '兰州拉面馆', ['手工拉面', '牛肉面'], { opens: 3000, orders: 400 }),
  app('ttcoco', 'CoCo都可', ['奶茶', 'bubble tea']),
  app('ttnoodle', 'Plaza Noodle House', ['hand-pulled noodles', '面馆', '外卖']),
  app('ttluckin', '瑞幸咖啡', ['咖啡', 'coffee', 'latte']),
  app('ttcar', '洗车小程序', ['洗车', '汽车美容']),
  {
    kind: 'service',
    refId: 'ttnoodle.0',
    appid: 'ttnoodle',
    title: '点外卖',
    subtitle: 'Plaza Noodle House',
    text: ['Plaza Noodle House', '外卖', 'delivery'],
    target: { app: 'ttnoodle', path: 'pages/shop/shop', params: { from: 'search' } },
    createdAt: now - 10 * day,
  },
  poi('poi1', '兰州拉面(徐汇店)', '上海市徐汇区漕溪北路88号', 31.19, 121.437),
  poi('poi2', '兰州拉面(浦东店)', '上海市浦东新区世纪大道100号', 31.235, 121.51),
  poi('poi3', '蜜雪冰城(人民广场店)', '上海市黄浦区南京东路1号', 31.234, 121.475),
  poi('poi4', '星巴克(陆家嘴店)', '上海市浦东新区陆家嘴环路1000号', 31.24, 121.5),
  {
    kind: 'video',
    refId: 'vid1',
    title: '排队两小时的重庆小面，真的值吗？',
    subtitle: '面食探店',
    text: ['面食探店'],
    target: { video: 'vid1' },
    createdAt: now - 2 * day,
  },
  {
    kind: 'video',
    refId: 'vid2',
    title: 'Late-night dumplings from Plaza Noodle House',
    subtitle: 'Night Market Eats',
    text: ['Night Market Eats'],
    target: { video: 'vid2' },
    createdAt: now - 200 * day,
  },
  {
    kind: 'creator',
    refId: 'u1',
    title: '面食探店',
    text: [],
    target: { creator: 'u1' },
    createdAt: now - 50 * day,
  },
];

const queries = [
  'mxbc',
  'mixue',
  '蜜雪',
  '面',
  'mian',
  'lamian',
  '拉面',
  'ＣＯＣＯ',
  'noodel',
  'coffe',
  '外卖',
  '上海 拉面',
  'xc',
  '重庆小面',
];

// Results per engine, compared once both engines have answered.
const answers = new Map<Engine, Map<string, string[]>>();

describe.each(testEngines)('search rules on %s', (engine) => {
  let store: Awaited<ReturnType<typeof startSearchStore>>;
  const ids = async (
    query: string,
    tab: 'all' | 'services' | 'places' | 'videos' | 'users' = 'all',
    near?: { lat: number; lng: number },
  ) =>
    (
      await store.search.search({
        query,
        tab,
        limit: 20,
        userId: null,
        record: false,
        ...(near ? { near } : {}),
      })
    ).items.map((i) => i.id);

  beforeAll(async () => {
    store = await startSearchStore(engine);
    for (const a of ['ttmixue', 'ttlanzhou', 'ttcoco', 'ttnoodle', 'ttluckin', 'ttcar']) store.visible.add(a);
    await store.search.index(catalogue);
    const seen = new Map<string, string[]>();
    for (const q of queries) seen.set(q, await ids(q));
    answers.set(engine, seen);
  });
  afterAll(async () => store?.stop());

  it('finds 蜜雪冰城 by its initials, a pinyin prefix and a part of its name', async () => {
    expect((await ids('mxbc'))[0]).toBe('app:ttmixue');
    expect((await ids('mixue'))[0]).toBe('app:ttmixue');
    expect(await ids('mixue')).toContain('poi:poi3');
    expect((await ids('蜜雪'))[0]).toBe('app:ttmixue');
  });

  it('finds the noodle shops by one character, its pinyin, and the word', async () => {
    for (const q of ['面', 'mian', '拉面', 'lamian']) {
      const found = await ids(q);
      expect(found, q).toContain('app:ttlanzhou');
      expect(found, q).toContain('poi:poi1');
    }
    expect(await ids('面')).toContain('video:vid1');
    expect(await ids('面', 'users')).toEqual(['creator:u1']);
  });

  it('folds full-width letters and tolerates a Latin typo', async () => {
    expect((await ids('ＣＯＣＯ'))[0]).toBe('app:ttcoco');
    expect(await ids('noodel')).toContain('app:ttnoodle');
    expect(await ids('coffe')).toContain('app:ttluckin');
  });

  it('opens a service at its entry page, and keeps tabs to their kinds', async () => {
    const page = await store.search.search({
      query: '外卖',
      tab: 'services',
      limit: 10,
      userId: null,
      record: false,
    });
    const service = page.items.find((i) => i.kind === 'service');
    expect(service?.target).toEqual({ app: 'ttnoodle', path: 'pages/shop/shop', params: { from: 'search' } });
    expect(page.items.every((i) => i.kind === 'app' || i.kind === 'service')).toBe(true);
    expect((await ids('拉面', 'places')).every((id) => id.startsWith('poi:'))).toBe(true);
  });

  it('ranks the nearer store first when location is granted', async () => {
    const xuhui = { lat: 31.19, lng: 121.437 };
    const pudong = { lat: 31.235, lng: 121.51 };
    expect((await ids('兰州拉面', 'places', xuhui))[0]).toBe('poi:poi1');
    expect((await ids('兰州拉面', 'places', pudong))[0]).toBe('poi:poi2');
  });

  it('ranks a new merchant by relevance, not below a less relevant incumbent', async () => {
    await store.search.index([
      app('ttold', '老字号奶茶铺', ['奶茶', '珍珠奶茶'], {
        opens: 90000,
        orders: 20000,
        ratingSum: 49000,
        ratingCount: 10000,
      }),
      app('ttnewtea', '珍珠奶茶', ['新店'], {}),
    ]);
    store.visible.add('ttold');
    store.visible.add('ttnewtea');
    expect((await ids('珍珠奶茶', 'services'))[0]).toBe('app:ttnewtea');
    // With the same text, the better-run shop comes first.
    await store.search.index([
      app('ttgood', '桂林米粉', ['米粉'], {
        opens: 1000,
        orders: 300,
        refunds: 1,
        ratingSum: 960,
        ratingCount: 200,
      }),
      app('ttbad', '桂林米粉', ['米粉'], {
        opens: 1000,
        orders: 10,
        refunds: 8,
        ratingSum: 500,
        ratingCount: 200,
      }),
    ]);
    store.visible.add('ttgood');
    store.visible.add('ttbad');
    expect((await ids('桂林米粉', 'services')).slice(0, 2)).toEqual(['app:ttgood', 'app:ttbad']);
  });

  it('leaves out an app the moment it is no longer visible, and removed documents', async () => {
    expect(await ids('洗车')).toContain('app:ttcar');
    store.visible.delete('ttcar');
    expect(await ids('洗车')).not.toContain('app:ttcar');
    store.visible.add('ttcar');
    await store.search.remove([{ kind: 'video', refId: 'vid1' }]);
    expect(await ids('重庆小面')).not.toContain('video:vid1');
  });

  it('finds a title match of little standing past a hundred better-standing matches in the text', async () => {
    // Candidates are cut by standing, then insertion order (newest first): the stall,
    // indexed first with no history, comes after every video in that order.
    await store.search.index([
      poi('poiJianbing', '煎饼果子摊', '天津市和平区', 39.12, 117.2),
      {
        kind: 'video',
        refId: 'vidJianbingTitle',
        title: '煎饼果子',
        text: [],
        target: { video: 'vidJianbingTitle' },
        createdAt: now - day,
      },
    ]);
    await store.search.index(
      Array.from(
        { length: 120 },
        (_, i): SearchDocumentInput => ({
          kind: 'video',
          refId: `vidJianbing${i}`,
          title: `早餐日记第${i}期`,
          text: ['煎饼果子'],
          target: { video: `vidJianbing${i}` },
          signals: { opens: 1000, orders: 500, ratingSum: 1000, ratingCount: 200 },
          createdAt: now - day,
        }),
      ),
    );
    expect((await ids('煎饼果子')).slice(0, 2).sort()).toEqual(['poi:poiJianbing', 'video:vidJianbingTitle']);
    expect((await ids('煎饼果子', 'videos'))[0]).toBe('video:vidJianbingTitle');
  });

  it('indexes text with words no engine would take whole (a 3,000-letter run)', async () => {
    await store.search.index([
      {
        kind: 'video',
        refId: 'vidlong',
        title: `${'a'.repeat(3000)} 刀削面 ${'面'.repeat(3000)}`,
        text: ['b'.repeat(5000)],
        target: { video: 'vidlong' },
        createdAt: now,
      },
    ]);
    expect(await ids('刀削面', 'videos')).toContain('video:vidlong');
  });

  it('cuts a word the operator adds whole, in documents indexed before', async () => {
    await store.search.index([
      app('ttlujiao', '鹿角巷', ['奶茶']),
      app('ttalley', '小巷鹿角', ['鹿角', '巷子']),
    ]);
    store.visible.add('ttlujiao');
    store.visible.add('ttalley');
    const added = await store.search.addWords(['鹿角巷'], 'op');
    expect(added).toEqual({ added: ['鹿角巷'], reindexed: 1 });
    expect((await ids('鹿角巷'))[0]).toBe('app:ttlujiao');
    expect(await store.search.addWords(['鹿角巷'], 'op')).toEqual({ added: [], reindexed: 0 });
    await expect(store.search.addWords(['two words'], 'op')).rejects.toMatchObject({
      code: 'SEARCH_WORD_INVALID',
    });
  });
});

describe('both engines', () => {
  it('answer every query of the catalogue with the same results in the same order', () => {
    if (testEngines.length < 2) return;
    const sqlite = answers.get('sqlite');
    const postgres = answers.get('postgres');
    expect(sqlite?.size).toBe(queries.length);
    expect(postgres).toEqual(sqlite);
  });
});
