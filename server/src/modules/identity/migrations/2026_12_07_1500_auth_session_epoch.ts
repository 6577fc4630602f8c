import { type Kysely, type Migration, sql } from 'kysely';
import { engineOf } from '../../../db/database.ts';

/**
 * A counter the database itself moves on every change that can take a session's rights
 * away (a session revoked or removed, an account's operator flag changed or the account
 * gone), whichever process or module makes it. On SQLite each process caches resolved
 * sessions against it; PostgreSQL reads the session every time and needs none.
 */
// Frozen: later changes are new migrations.
export const identity_2026_12_07_1500: Migration = {
  async up(db: Kysely<unknown>) {
    if (engineOf(db) !== 'sqlite') return;
    await sql`create table auth_session_epoch (id integer primary key check (id = 1), epoch integer not null)`.execute(
      db,
    );
    await sql`insert into auth_session_epoch (id, epoch) values (1, 0)`.execute(db);
    const bump = sql.raw('update auth_session_epoch set epoch = epoch + 1 where id = 1;');
    await sql`create trigger auth_session_epoch_on_session_update after update on auth_session begin ${bump} end`.execute(
      db,
    );
    await sql`create trigger auth_session_epoch_on_session_delete after delete on auth_session begin ${bump} end`.execute(
      db,
    );
    await sql`create trigger auth_session_epoch_on_operator after update of operator, id on account begin ${bump} end`.execute(
      db,
    );
    await sql`create trigger auth_session_epoch_on_account_delete after delete on account begin ${bump} end`.execute(
      db,
    );
  },
  async down(db: Kysely<unknown>) {
    if (engineOf(db) !== 'sqlite') return;
    for (const name of ['on_session_update', 'on_session_delete', 'on_operator', 'on_account_delete'])
      await sql.raw(`drop trigger auth_session_epoch_${name}`).execute(db);
    await sql`drop table auth_session_epoch`.execute(db);
  },
};
