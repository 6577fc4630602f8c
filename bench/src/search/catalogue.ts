import type { SearchDocumentInput } from '../../../server/src/modules/search/index.ts';

/**
 * A generated catalogue with realistic Chinese names, built from word lists (nothing
 * scraped): apps of brands named from a prefix, a trade and a suffix, each with one service;
 * their stores in real cities' districts; videos about the dishes, brands and districts; and
 * creators. Every document keeps what it was generated from (`facts`), which is what the
 * labelled queries judge relevance by: never the text matching itself.
 */

/** A small deterministic PRNG (mulberry32): the same catalogue on every run. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface Trade {
  /** The trade as people type it. */
  word: string;
  /** Its English, in app descriptions (and queries). */
  english: string;
  service: string;
  /** Words a video about it may use. */
  dishes: string[];
}

export const trades: Trade[] = [
  { word: '拉面', english: 'ramen noodles', service: '点外卖', dishes: ['牛肉拉面', '手工拉面', '兰州拉面'] },
  { word: '牛肉面', english: 'beef noodles', service: '点外卖', dishes: ['红烧牛肉面', '清汤牛肉面'] },
  { word: '麻辣烫', english: 'malatang', service: '点外卖', dishes: ['骨汤麻辣烫', '麻辣拌'] },
  { word: '火锅', english: 'hot pot', service: '订座', dishes: ['毛肚火锅', '鸳鸯锅', '牛油火锅'] },
  { word: '奶茶', english: 'milk tea', service: '到店自取', dishes: ['珍珠奶茶', '芋泥奶茶', '杨枝甘露'] },
  { word: '咖啡', english: 'coffee', service: '到店自取', dishes: ['生椰拿铁', '美式咖啡', '手冲咖啡'] },
  { word: '烧烤', english: 'barbecue', service: '订座', dishes: ['羊肉串', '烤生蚝', '烤茄子'] },
  { word: '饺子', english: 'dumplings', service: '点外卖', dishes: ['猪肉白菜饺子', '三鲜水饺', '煎饺'] },
  { word: '包子', english: 'steamed buns', service: '点外卖', dishes: ['小笼包', '生煎包', '肉包'] },
  { word: '米线', english: 'rice noodles', service: '点外卖', dishes: ['过桥米线', '酸辣米线'] },
  { word: '酸菜鱼', english: 'pickled fish', service: '订座', dishes: ['老坛酸菜鱼', '藤椒鱼'] },
  { word: '烤鱼', english: 'grilled fish', service: '订座', dishes: ['香辣烤鱼', '豆豉烤鱼'] },
  { word: '炸鸡', english: 'fried chicken', service: '点外卖', dishes: ['韩式炸鸡', '鸡米花'] },
  { word: '汉堡', english: 'burger', service: '点外卖', dishes: ['牛肉汉堡', '鸡腿堡'] },
  { word: '披萨', english: 'pizza', service: '点外卖', dishes: ['榴莲披萨', '芝士披萨'] },
  { word: '寿司', english: 'sushi', service: '订座', dishes: ['三文鱼寿司', '手卷'] },
  { word: '烤鸭', english: 'roast duck', service: '订座', dishes: ['北京烤鸭', '鸭架汤'] },
  { word: '小龙虾', english: 'crayfish', service: '点外卖', dishes: ['麻辣小龙虾', '十三香小龙虾'] },
  { word: '甜品', english: 'dessert', service: '到店自取', dishes: ['双皮奶', '芒果班戟'] },
  { word: '蛋糕', english: 'cake', service: '预订蛋糕', dishes: ['生日蛋糕', '千层蛋糕'] },
  { word: '面包', english: 'bakery', service: '到店自取', dishes: ['可颂', '吐司'] },
  { word: '鲜花', english: 'flowers', service: '送花', dishes: ['玫瑰花束', '向日葵'] },
  { word: '洗车', english: 'car wash', service: '预约洗车', dishes: ['精洗', '打蜡'] },
  { word: '美甲', english: 'nail salon', service: '预约美甲', dishes: ['法式美甲', '猫眼美甲'] },
  { word: '美发', english: 'hair salon', service: '预约理发', dishes: ['烫发', '染发'] },
  { word: '健身', english: 'gym', service: '买课', dishes: ['私教课', '团课'] },
  { word: '瑜伽', english: 'yoga', service: '约课', dishes: ['流瑜伽', '空中瑜伽'] },
  { word: '宠物', english: 'pet care', service: '预约洗护', dishes: ['猫咪洗澡', '狗狗美容'] },
  { word: '洗衣', english: 'laundry', service: '上门取衣', dishes: ['干洗', '洗鞋'] },
  { word: '按摩', english: 'massage', service: '预约', dishes: ['肩颈按摩', '精油推拿'] },
  { word: '眼镜', english: 'glasses', service: '预约验光', dishes: ['配眼镜', '隐形眼镜'] },
  { word: '药店', english: 'pharmacy', service: '买药', dishes: ['感冒药', '维生素'] },
  { word: '便利店', english: 'convenience store', service: '送货上门', dishes: ['饭团', '关东煮'] },
  { word: '水果', english: 'fruit', service: '送水果', dishes: ['车厘子', '草莓'] },
  { word: '卤味', english: 'braised snacks', service: '点外卖', dishes: ['鸭脖', '卤鸡爪'] },
  { word: '粥', english: 'congee', service: '点外卖', dishes: ['皮蛋瘦肉粥', '海鲜粥'] },
  { word: '煎饼', english: 'jianbing', service: '点外卖', dishes: ['煎饼果子', '杂粮煎饼'] },
  { word: '螺蛳粉', english: 'river snail noodles', service: '点外卖', dishes: ['加辣螺蛳粉', '炸蛋螺蛳粉'] },
  { word: '冒菜', english: 'maocai', service: '点外卖', dishes: ['牛肉冒菜', '素冒菜'] },
  { word: '粤菜', english: 'cantonese food', service: '订座', dishes: ['白切鸡', '烧鹅'] },
];

const prefixes = [
  '老王',
  '张记',
  '小李',
  '阿香',
  '金牌',
  '川味',
  '东北',
  '蜀香',
  '湘味',
  '粤式',
  '福建',
  '潮汕',
  '江南',
  '北京',
  '重庆',
  '成都',
  '西安',
  '兰州',
  '桂林',
  '武汉',
  '长沙',
  '云南',
  '台湾',
  '香港',
  '日式',
  '韩式',
  '新疆',
  '内蒙',
  '青岛',
  '大连',
  '苏州',
  '杭州',
  '胖哥',
  '刘姐',
  '陈师傅',
  '赵家',
  '孙氏',
  '周记',
  '吴妈',
  '郑家',
  '好运',
  '快乐',
  '幸福',
  '小巷',
  '街角',
  '隔壁',
  '楼下',
  '阿婆',
  '大叔',
  '喜乐',
  '鲜道',
  '匠心',
  '一品',
  '百味',
  '八方',
  '四季',
  '皇家',
  '锦绣',
  '星光',
  '月亮',
  '太阳',
  '海边',
  '山城',
  '古城',
  '新街',
  '北门',
  '南门',
];
const suffixes = ['', '馆', '店', '坊', '铺', '屋', '小馆', '大王', '世家', '工坊', '之家', '研究所'];

export const cities: { name: string; lat: number; lng: number; districts: string[]; streets: string[] }[] = [
  {
    name: '上海',
    lat: 31.23,
    lng: 121.47,
    districts: ['徐汇', '静安', '黄浦', '浦东', '长宁', '普陀', '杨浦', '虹口'],
    streets: ['漕溪北路', '南京西路', '淮海中路', '世纪大道', '延安西路', '武宁路'],
  },
  {
    name: '北京',
    lat: 39.9,
    lng: 116.4,
    districts: ['朝阳', '海淀', '东城', '西城', '丰台', '通州'],
    streets: ['建国路', '中关村大街', '王府井大街', '西单北大街', '三里屯路'],
  },
  {
    name: '广州',
    lat: 23.13,
    lng: 113.26,
    districts: ['天河', '越秀', '海珠', '荔湾', '白云'],
    streets: ['天河路', '北京路', '江南大道', '上下九路'],
  },
  {
    name: '深圳',
    lat: 22.54,
    lng: 114.06,
    districts: ['南山', '福田', '罗湖', '宝安', '龙华'],
    streets: ['深南大道', '科技园路', '东门路', '华强北路'],
  },
  {
    name: '成都',
    lat: 30.66,
    lng: 104.07,
    districts: ['锦江', '青羊', '武侯', '成华', '金牛'],
    streets: ['春熙路', '宽窄巷子', '玉林路', '建设路'],
  },
  {
    name: '杭州',
    lat: 30.27,
    lng: 120.15,
    districts: ['西湖', '上城', '拱墅', '滨江', '余杭'],
    streets: ['延安路', '文三路', '江南大道', '文一西路'],
  },
  {
    name: '武汉',
    lat: 30.59,
    lng: 114.3,
    districts: ['江汉', '武昌', '洪山', '汉阳'],
    streets: ['江汉路', '楚河汉街', '光谷大道', '户部巷'],
  },
  {
    name: '西安',
    lat: 34.34,
    lng: 108.94,
    districts: ['雁塔', '碑林', '莲湖', '新城'],
    streets: ['小寨东路', '东大街', '回民街', '长安路'],
  },
  {
    name: '南京',
    lat: 32.06,
    lng: 118.8,
    districts: ['鼓楼', '玄武', '秦淮', '建邺'],
    streets: ['中山路', '湖南路', '夫子庙', '河西大街'],
  },
  {
    name: '重庆',
    lat: 29.56,
    lng: 106.55,
    districts: ['渝中', '江北', '南岸', '沙坪坝'],
    streets: ['解放碑', '观音桥', '南滨路', '三峡广场'],
  },
];

const creatorFirst = ['爱吃', '会吃', '寻味', '探店', '吃货', '美食', '生活', '快乐', '周末', '深夜'];
const creatorSecond = [
  '的小王',
  '阿杰',
  '小胖',
  '侦探',
  '日记',
  '研究员',
  '达人',
  '少女',
  '大叔',
  '一家人',
  '小分队',
  '君',
];
const vlogCaptions = [
  '周末去公园散步',
  '健身打卡第三十天',
  '今天的晚霞太美了',
  '记录一下下班路上',
  '猫咪又在捣乱',
  '一个人的旅行',
  '学做一道家常菜',
  '雨天适合听歌',
];

export interface Facts {
  kind: SearchDocumentInput['kind'];
  /** The app (brand) the document is, belongs to, or is about. */
  app?: number;
  trade?: number;
  city?: number;
  district?: string;
  creator?: number;
}

export interface GeneratedApp {
  name: string;
  appid: string;
  trade: number;
  city: number;
}

export interface Catalogue {
  docs: SearchDocumentInput[];
  facts: Map<string, Facts>;
  apps: GeneratedApp[];
  creators: string[];
}

const pick = <T>(r: () => number, list: readonly T[]): T => list[Math.floor(r() * list.length)] as T;

export function generateCatalogue(
  sizes: { apps: number; pois: number; videos: number; creators: number },
  seed = 16,
): Catalogue {
  const r = random(seed);
  const now = Date.UTC(2026, 11, 1);
  const docs: SearchDocumentInput[] = [];
  const facts = new Map<string, Facts>();
  const add = (doc: SearchDocumentInput, f: Facts) => {
    docs.push(doc);
    facts.set(`${doc.kind}:${doc.refId}`, f);
  };

  const apps: GeneratedApp[] = [];
  const names = new Set<string>();
  while (apps.length < sizes.apps) {
    const trade = Math.floor(r() * trades.length);
    const name = `${pick(r, prefixes)}${(trades[trade] as Trade).word}${pick(r, suffixes)}`;
    if (names.has(name)) continue;
    names.add(name);
    apps.push({
      name,
      appid: `ttb${String(apps.length).padStart(6, '0')}`,
      trade,
      city: Math.floor(r() * cities.length),
    });
  }
  apps.forEach((a, i) => {
    const t = trades[a.trade] as Trade;
    const city = cities[a.city] as (typeof cities)[number];
    const signals = { opens: Math.floor(r() * 5000), orders: 0, refunds: 0, ratingSum: 0, ratingCount: 0 };
    signals.orders = Math.floor(signals.opens * r() * 0.3);
    signals.refunds = Math.floor(signals.orders * r() * 0.1);
    signals.ratingCount = Math.floor(r() * 500);
    signals.ratingSum = Math.round(signals.ratingCount * (3 + 2 * r()));
    const createdAt = now - Math.floor(r() * 700) * 86_400_000;
    add(
      {
        kind: 'app',
        refId: a.appid,
        appid: a.appid,
        title: a.name,
        subtitle: `${t.word} · ${city.name}`,
        text: [
          `${city.name}${t.word}，${pick(r, t.dishes)}招牌，${t.service}`,
          `${t.english} in ${city.name}`,
          t.word,
        ],
        target: { app: a.appid, path: '', params: {} },
        signals,
        createdAt,
      },
      { kind: 'app', app: i, trade: a.trade, city: a.city },
    );
    add(
      {
        kind: 'service',
        refId: `${a.appid}.0`,
        appid: a.appid,
        title: t.service,
        subtitle: a.name,
        text: [a.name, t.word, t.english],
        target: { app: a.appid, path: 'pages/index/index', params: { from: 'search' } },
        signals,
        createdAt,
      },
      { kind: 'service', app: i, trade: a.trade, city: a.city },
    );
  });

  for (let i = 0; i < sizes.pois; i++) {
    const appIndex = Math.floor(r() * apps.length);
    const a = apps[appIndex] as GeneratedApp;
    // Most of a brand's stores are in its home city.
    const cityIndex = r() < 0.8 ? a.city : Math.floor(r() * cities.length);
    const city = cities[cityIndex] as (typeof cities)[number];
    const district = pick(r, city.districts);
    const street = pick(r, city.streets);
    const address = `${city.name}市${district}区${street}${1 + Math.floor(r() * 999)}号`;
    add(
      {
        kind: 'poi',
        refId: `poi${i}`,
        title: `${a.name}(${district}${street}店)`,
        subtitle: address,
        text: [address, a.name],
        target: { poi: `poi${i}` },
        lat: city.lat + (r() - 0.5) * 0.2,
        lng: city.lng + (r() - 0.5) * 0.2,
        createdAt: now - Math.floor(r() * 900) * 86_400_000,
      },
      { kind: 'poi', app: appIndex, trade: a.trade, city: cityIndex, district },
    );
  }

  const creators: string[] = [];
  const creatorNames = new Set<string>();
  while (creators.length < sizes.creators) {
    const name = `${pick(r, creatorFirst)}${pick(r, creatorSecond)}${creators.length >= 120 ? creators.length : ''}`;
    if (creatorNames.has(name)) continue;
    creatorNames.add(name);
    creators.push(name);
    add(
      {
        kind: 'creator',
        refId: `u${creators.length - 1}`,
        title: name,
        text: [],
        target: { creator: `u${creators.length - 1}` },
        createdAt: now - Math.floor(r() * 900) * 86_400_000,
      },
      { kind: 'creator', creator: creators.length - 1 },
    );
  }

  for (let i = 0; i < sizes.videos; i++) {
    const creator = Math.floor(r() * creators.length);
    const by = creators[creator] as string;
    const roll = r();
    let caption: string;
    let f: Facts = { kind: 'video', creator };
    let appid: string | null = null;
    if (roll < 0.45) {
      const appIndex = Math.floor(r() * apps.length);
      const a = apps[appIndex] as GeneratedApp;
      const t = trades[a.trade] as Trade;
      const city = cities[a.city] as (typeof cities)[number];
      const district = pick(r, city.districts);
      caption = pick(r, [
        `探店｜${district}的${a.name}，${pick(r, t.dishes)}真的绝了`,
        `排队一小时的${a.name}值不值？`,
        `${a.name}新品${pick(r, t.dishes)}测评`,
      ]);
      f = { kind: 'video', creator, app: appIndex, trade: a.trade, city: a.city, district };
      appid = a.appid;
    } else if (roll < 0.85) {
      const trade = Math.floor(r() * trades.length);
      const t = trades[trade] as Trade;
      const cityIndex = Math.floor(r() * cities.length);
      const city = cities[cityIndex] as (typeof cities)[number];
      const district = pick(r, city.districts);
      const template = Math.floor(r() * 3);
      caption = [
        `在家做${pick(r, t.dishes)}，简单又好吃`,
        `${city.name}最好吃的${t.word}在哪里？`,
        `今天去${city.name}${district}吃${t.word}`,
      ][template] as string;
      // Only a caption that names the place is about it.
      f = {
        kind: 'video',
        creator,
        trade,
        ...(template > 0 ? { city: cityIndex } : {}),
        ...(template === 2 ? { district } : {}),
      };
    } else {
      caption = pick(r, vlogCaptions);
    }
    add(
      {
        kind: 'video',
        refId: `v${i}`,
        appid,
        title: caption,
        subtitle: by,
        text: [by],
        target: { video: `v${i}` },
        createdAt: now - Math.floor(r() * 365 * 86_400_000),
      },
      f,
    );
  }
  return { docs, facts, apps, creators };
}
