import type { Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('runtime_error_group')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appid', 'text', (c) => c.notNull())
    .addColumn('fingerprint', 'text', (c) => c.notNull())
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('file', 'text')
    .addColumn('line', 'integer')
    .addColumn('column', 'integer')
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('first_seen', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .addUniqueConstraint('runtime_error_group_app_fingerprint', ['appid', 'fingerprint'])
    .execute();
  await db.schema
    .createIndex('runtime_error_group_app_last_seen')
    .on('runtime_error_group')
    .columns(['appid', 'last_seen'])
    .execute();
  await db.schema
    .createTable('runtime_error_version')
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('version', 'text', (c) => c.notNull())
    .addColumn('count', 'bigint', (c) => c.notNull())
    .addColumn('last_seen', 'bigint', (c) => c.notNull())
    .addPrimaryKeyConstraint('runtime_error_version_pk', ['group_id', 'version'])
    .execute();
}
