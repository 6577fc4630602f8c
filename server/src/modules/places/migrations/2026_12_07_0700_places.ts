import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('place_profile')
    .addColumn('poi_id', 'text', (c) => c.primaryKey())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('avg_price', 'bigint')
    .addColumn('photos', 'text', (c) => c.notNull())
    .addColumn('owner_org_id', 'text')
    .addColumn('supplier_org_id', 'text')
    .addColumn('supplier_ext_id', 'text')
    .addColumn('updated_at', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('place_profile_supplier')
    .on('place_profile')
    .columns(['supplier_org_id', 'supplier_ext_id'])
    .unique()
    .execute();
  await db.schema
    .createTable('place_claim')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('poi_id', 'text', (c) => c.notNull())
    .addColumn('org_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('evidence', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('reviewed_by', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'bigint', (c) => c.notNull())
    .addColumn('reviewed_at', 'bigint')
    .execute();
  await db.schema
    .createIndex('place_claim_status')
    .on('place_claim')
    .columns(['status', 'created_at'])
    .execute();
  await db.schema
    .createIndex('place_claim_poi')
    .on('place_claim')
    .columns(['poi_id', 'org_id', 'status'])
    .execute();
}
