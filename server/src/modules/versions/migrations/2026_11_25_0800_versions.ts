import type { Kysely, Migration } from 'kysely';

// Frozen: later changes are new migrations. Timestamps are epoch ms (bigint); JSON is text.
export const versions_2026_11_25_0800: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema
      .createTable('app_version')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('version', 'text', (c) => c.notNull())
      .addColumn('major', 'integer', (c) => c.notNull())
      .addColumn('minor', 'integer', (c) => c.notNull())
      .addColumn('patch', 'integer', (c) => c.notNull())
      .addColumn('description', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('package_sha256', 'text', (c) => c.notNull())
      .addColumn('package_bytes', 'bigint', (c) => c.notNull())
      .addColumn('manifest', 'text', (c) => c.notNull())
      .addColumn('sizes', 'text', (c) => c.notNull())
      .addColumn('uploaded_by_kind', 'text', (c) => c.notNull())
      .addColumn('uploaded_by', 'text', (c) => c.notNull())
      .addColumn('check_status', 'text')
      .addColumn('check_report', 'text')
      .addColumn('review_reasons', 'text')
      .addColumn('reviewed_by', 'text')
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .addColumn('submitted_at', 'bigint')
      .addColumn('reviewed_at', 'bigint')
      .addColumn('released_at', 'bigint')
      .addUniqueConstraint('app_version_number_unique', ['app_id', 'version'])
      .execute();
    await db.schema
      .createIndex('app_version_app_idx')
      .on('app_version')
      .columns(['app_id', 'major', 'minor', 'patch'])
      .execute();
    await db.schema
      .createIndex('app_version_status_idx')
      .on('app_version')
      .columns(['status', 'submitted_at'])
      .execute();
    await db.schema
      .createIndex('app_version_package_idx')
      .on('app_version')
      .column('package_sha256')
      .execute();

    await db.schema
      .createTable('app_release')
      .addColumn('app_id', 'text', (c) => c.primaryKey())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('base_version_id', 'text')
      .addColumn('percentage', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('app_release_event')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('app_id', 'text', (c) => c.notNull())
      .addColumn('version_id', 'text', (c) => c.notNull())
      .addColumn('base_version_id', 'text')
      .addColumn('percentage', 'integer', (c) => c.notNull())
      .addColumn('action', 'text', (c) => c.notNull())
      .addColumn('actor_kind', 'text', (c) => c.notNull())
      .addColumn('actor_id', 'text', (c) => c.notNull())
      .addColumn('created_at', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('app_release_event_app_idx')
      .on('app_release_event')
      .columns(['app_id', 'id'])
      .execute();
  },
  async down(db: Kysely<unknown>) {
    for (const table of ['app_release_event', 'app_release', 'app_version']) {
      await db.schema.dropTable(table).execute();
    }
  },
};
