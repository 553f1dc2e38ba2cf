import { sql, type Kysely, type Migration } from 'kysely';
import type { Dialect } from '../schema';

/**
 * Number squatting (issue 8, stop 10): `app_user.email` and `app_user.whatsapp` were UNIQUE for every account, so a
 * coordinator of any community could add another village's seller's number as a new, password-less member and the
 * real owner could then never use it. Now only an account WITH A PASSWORD owns its number or e-mail: the unique
 * indexes are partial (`WHERE password_hash IS NOT NULL`); password-less invitations may share a number, and the
 * first one to set a password owns it (the others are told to ask their coordinator). Plain indexes keep look-ups fast.
 * PostgreSQL drops the two constraints; SQLite cannot drop an inline UNIQUE, so `app_user` is rebuilt with foreign
 * keys off (rows, ids and every reference kept; checked with `foreign_key_check` before commit).
 */
export function security5Migration(dialect: Dialect): Migration {
	return {
		async up(db: Kysely<unknown>) {
			if (dialect === 'postgres') {
				await sql`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_email_key`.execute(db);
				await sql`ALTER TABLE app_user DROP CONSTRAINT IF EXISTS app_user_whatsapp_key`.execute(db);
			} else {
				await rebuildSqliteUserTable(db);
			}
			await sql`CREATE UNIQUE INDEX app_user_email_owner_uq ON app_user (email) WHERE password_hash IS NOT NULL`.execute(db);
			await sql`CREATE UNIQUE INDEX app_user_whatsapp_owner_uq ON app_user (whatsapp) WHERE password_hash IS NOT NULL`.execute(db);
			await sql`CREATE INDEX app_user_email_idx ON app_user (email)`.execute(db);
			await sql`CREATE INDEX app_user_whatsapp_idx ON app_user (whatsapp)`.execute(db);
		}
	};
}

/** SQLite's documented way to change a table's constraints: new table, copy, drop, rename — with foreign keys off. */
async function rebuildSqliteUserTable(db: Kysely<unknown>): Promise<void> {
	const row = (await sql<{ sql: string }>`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'app_user'`.execute(db)).rows[0];
	if (!row) throw new Error('app_user is missing');
	// Keep every column other migrations added; drop only the two inline UNIQUEs.
	const create = row.sql.replace(/^CREATE TABLE "app_user"/, 'CREATE TABLE "app_user_new"').replace(/"email" text unique/, '"email" text').replace(/"whatsapp" text unique/, '"whatsapp" text');
	if (/unique/i.test(create)) throw new Error(`app_user still has a UNIQUE after the rewrite: ${create}`);
	const columns = (await sql<{ name: string }>`SELECT name FROM pragma_table_info('app_user')`.execute(db)).rows.map((c) => `"${c.name}"`).join(', ');
	await sql`PRAGMA foreign_keys = OFF`.execute(db);
	try {
		await db.transaction().execute(async (trx) => {
			await sql.raw(create).execute(trx);
			await sql.raw(`INSERT INTO app_user_new (${columns}) SELECT ${columns} FROM app_user`).execute(trx);
			await sql`DROP TABLE app_user`.execute(trx);
			await sql`ALTER TABLE app_user_new RENAME TO app_user`.execute(trx);
			const broken = (await sql`PRAGMA foreign_key_check`.execute(trx)).rows;
			if (broken.length) throw new Error(`foreign keys broken by the app_user rebuild: ${JSON.stringify(broken.slice(0, 3))}`);
		});
	} finally {
		await sql`PRAGMA foreign_keys = ON`.execute(db);
	}
}
