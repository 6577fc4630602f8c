import type { Kysely } from 'kysely';

// Frozen: the default tree as the platform ships it. The top level keeps the ids, rates and
// capabilities of the flat list apps declared before the tree existed, so every app's
// profile industry is a node; licences are asked where the regulated trades are, one level
// down. Operators change the tree through the API afterwards.
const all = ['guaranteed_payment', 'long_term_subscription', 'live_mounting', 'poi_services'];
type Seed = [
  id: string,
  parent: string | null,
  name: string,
  bps: number,
  holdingDays: number | null,
  capabilities: string[],
  requirements: { licence_type: string; name: string; grants: string[] }[],
];
const licence = (licence_type: string, name: string, grants: string[]) => ({ licence_type, name, grants });
const food = (grants: string[]) => licence('food_business_licence', 'Food business licence', grants);

const seed: Seed[] = [
  ['food_delivery', null, 'Food delivery', 250, null, all, []],
  [
    'food_delivery.restaurant',
    'food_delivery',
    'Restaurants and takeaway',
    250,
    7,
    all,
    [food(['guaranteed_payment', 'live_mounting', 'poi_services'])],
  ],
  [
    'food_delivery.groceries',
    'food_delivery',
    'Fresh produce and groceries',
    300,
    7,
    all,
    [food(['guaranteed_payment'])],
  ],
  ['local_services', null, 'Local life', 300, null, all, []],
  ['local_services.beauty', 'local_services', 'Hair and beauty', 300, 3, all, []],
  ['local_services.home', 'local_services', 'Housekeeping and repairs', 300, 3, all, []],
  ['education', null, 'Education and knowledge payment', 500, null, all, []],
  [
    'education.knowledge_payment',
    'education',
    'Knowledge payment: courses and columns',
    500,
    7,
    ['guaranteed_payment', 'long_term_subscription', 'live_mounting'],
    [
      licence('internet_culture_licence', 'Internet culture operating licence', [
        'guaranteed_payment',
        'live_mounting',
      ]),
    ],
  ],
  [
    'education.training',
    'education',
    'Tutoring and training schools',
    500,
    14,
    all,
    [
      licence('private_school_permit', 'Private school operating permit', [
        'guaranteed_payment',
        'long_term_subscription',
      ]),
    ],
  ],
  ['automotive', null, 'Automotive', 200, null, all, []],
  [
    'automotive.dealer',
    'automotive',
    'Car dealers',
    100,
    14,
    all,
    [licence('vehicle_sales_filing', 'Vehicle sales filing', ['guaranteed_payment'])],
  ],
  [
    'automotive.service',
    'automotive',
    'Repair and maintenance',
    200,
    7,
    all,
    [licence('motor_repair_filing', 'Motor vehicle repair filing', ['guaranteed_payment', 'poi_services'])],
  ],
  ['retail', null, 'E-commerce and retail', 300, null, all, []],
  ['retail.general', 'retail', 'General merchandise', 300, 7, all, []],
  ['retail.food', 'retail', 'Packaged food', 300, 7, all, [food(['guaranteed_payment'])]],
  ['travel', null, 'Travel and hotels', 400, null, all, []],
  [
    'travel.agency',
    'travel',
    'Travel agencies',
    400,
    14,
    all,
    [
      licence('travel_agency_permit', 'Travel agency permit', [
        'guaranteed_payment',
        'long_term_subscription',
      ]),
    ],
  ],
  [
    'travel.hotel',
    'travel',
    'Hotels and homestays',
    400,
    7,
    all,
    [licence('special_trade_licence', 'Special trade licence', ['guaranteed_payment', 'poi_services'])],
  ],
  ['health', null, 'Health', 500, null, all, []],
  [
    'health.clinic',
    'health',
    'Clinics and medical services',
    600,
    14,
    all,
    [licence('medical_institution_licence', 'Medical institution licence', all)],
  ],
  [
    'health.pharmacy',
    'health',
    'Pharmacies',
    400,
    7,
    all,
    [licence('drug_trading_licence', 'Drug trading licence', ['guaranteed_payment', 'poi_services'])],
  ],
  ['entertainment', null, 'Entertainment and tickets', 500, null, all, []],
  [
    'entertainment.performance',
    'entertainment',
    'Shows and performances',
    500,
    14,
    all,
    [licence('commercial_performance_licence', 'Commercial performance licence', ['guaranteed_payment'])],
  ],
  ['tools', null, 'Tools and utilities', 100, null, ['guaranteed_payment', 'long_term_subscription'], []],
];

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('industry_category')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('parent_id', 'text')
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('commission_bps', 'integer', (c) => c.notNull())
    .addColumn('holding_days', 'integer')
    .addColumn('capabilities', 'text', (c) => c.notNull())
    .addColumn('requirements', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('industry_category_parent')
    .on('industry_category')
    .column('parent_id')
    .execute();
  await db.schema
    .createTable('qualification_scan')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'bigint', (c) => c.notNull())
    .addColumn('uploaded_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('qualification_scan_org').on('qualification_scan').column('org_id').execute();
  await db.schema
    .createTable('org_qualification')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('licence_type', 'text', (c) => c.notNull())
    .addColumn('number', 'text', (c) => c.notNull())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('valid_from', 'bigint', (c) => c.notNull())
    .addColumn('valid_until', 'bigint', (c) => c.notNull())
    .addColumn('scan_id', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('review_code', 'text')
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'text')
    .addColumn('reviewed_at', 'bigint')
    .addColumn('submitted_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('org_qualification_org')
    .on('org_qualification')
    .columns(['org_id', 'licence_type'])
    .execute();
  await db.schema
    .createIndex('org_qualification_status')
    .on('org_qualification')
    .columns(['status', 'valid_until'])
    .execute();
  await db.schema
    .createTable('app_industry')
    .addColumn('app_id', 'text', (c) => c.notNull())
    .addColumn('category_id', 'text', (c) => c.notNull())
    .addColumn('is_primary', 'integer', (c) => c.notNull())
    .addColumn('chosen_at', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('app_industry_pk', ['app_id', 'category_id'])
    .execute();
  await db.schema.createIndex('app_industry_category').on('app_industry').column('category_id').execute();
  await db.schema
    .createTable('industry_notice')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('qualification_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('licence_type', 'text', (c) => c.notNull())
    .addColumn('valid_until', 'bigint', (c) => c.notNull())
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('industry_notice_once')
    .on('industry_notice')
    .columns(['qualification_id', 'kind'])
    .unique()
    .execute();
  await db.schema
    .createIndex('industry_notice_org')
    .on('industry_notice')
    .columns(['org_id', 'created_at'])
    .execute();

  const now = Date.now();
  const rows = seed.map(([id, parent, name, bps, holdingDays, capabilities, requirements], position) => ({
    id,
    parent_id: parent,
    name,
    position,
    commission_bps: bps,
    holding_days: holdingDays,
    capabilities: JSON.stringify(capabilities),
    requirements: JSON.stringify(requirements),
    created_at: now,
    updated_at: now,
  }));
  await (db as Kysely<{ industry_category: (typeof rows)[number] }>)
    .insertInto('industry_category')
    .values(rows)
    .execute();
}
