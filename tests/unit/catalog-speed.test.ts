import { afterEach, describe, expect, it, vi } from 'vitest';
import SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { createDb, type Database } from '../../src/lib/server/db';
import { shareInFlight } from '../../src/lib/server/cache/per-version';
import { renderOnly, renderOnlyTransport } from '../../src/lib/render-only';

/**
 * Issue 10 item 7: work an uncached catalog view no longer repeats (bench/README.md, "Where the catalog's CPU goes").
 * Each saving keeps what the page shows: a change made before a view is in that view.
 */

describe('SQLite statements kept by the driver', () => {
	let database: Database | undefined;
	afterEach(async () => {
		vi.restoreAllMocks();
		await database?.destroy();
	});

	async function open() {
		database = await createDb({ url: 'sqlite::memory:' });
		await sql`create table t (id integer primary key, a text)`.execute(database.db);
		return database;
	}
	const rows = (d: Database) => sql<Record<string, unknown>>`select * from t order by id`.execute(d.db).then((r) => r.rows);

	it('should prepare a query once and still answer it with what was written in between', async () => {
		const d = await open();
		const prepare = vi.spyOn(SQLite.prototype, 'prepare');
		expect(await rows(d)).toEqual([]);
		await sql`insert into t (a) values (${'satu'})`.execute(d.db);
		expect(await rows(d)).toEqual([{ id: 1, a: 'satu' }]);
		await sql`update t set a = ${'dua'} where id = 1`.execute(d.db);
		expect(await rows(d)).toEqual([{ id: 1, a: 'dua' }]);
		// 3 × the select, 1 insert, 1 update: the select was prepared once
		const texts = prepare.mock.calls.map((c) => c[0]);
		expect(texts.filter((s) => s.startsWith('select * from t'))).toHaveLength(1);
		expect(prepare).toHaveBeenCalledTimes(3);
	});

	it('should see a column a migration adds, and keep working past the number of statements it keeps', async () => {
		const d = await open();
		await sql`insert into t (a) values (${'satu'})`.execute(d.db);
		expect(await rows(d)).toEqual([{ id: 1, a: 'satu' }]);
		await sql`alter table t add column b integer not null default 7`.execute(d.db);
		expect(await rows(d)).toEqual([{ id: 1, a: 'satu', b: 7 }]);
		// more distinct texts than the driver keeps (1000): the oldest are dropped, every query still answers
		for (let i = 0; i < 1100; i++) expect((await sql<{ n: number }>`select ${sql.raw(String(i))} as n`.execute(d.db)).rows[0].n).toBe(i);
		expect(await rows(d)).toEqual([{ id: 1, a: 'satu', b: 7 }]);
	});

	it('should run a transaction with kept statements and roll it back on error', async () => {
		const d = await open();
		await expect(
			d.db.transaction().execute(async (trx) => {
				await sql`insert into t (a) values (${'x'})`.execute(trx);
				await sql`insert into t (id, a) values (1, 'duplicate id')`.execute(trx);
			})
		).rejects.toThrow(/UNIQUE/);
		expect(await rows(d)).toEqual([]);
		await d.db.transaction().execute((trx) => sql`insert into t (a) values (${'y'})`.execute(trx));
		expect(await rows(d)).toEqual([{ id: 1, a: 'y' }]);
	});
});

describe(shareInFlight.name, () => {
	it('should share one read among callers that ask while it runs, and read again for the next caller', async () => {
		let reads = 0;
		let version = 5;
		const versionOf = shareInFlight(async (id) => {
			reads++;
			await Promise.resolve();
			return id === 'com_a' ? version : undefined;
		});
		expect(await Promise.all([versionOf('com_a'), versionOf('com_a'), versionOf('com_a'), versionOf('com_b')])).toEqual([5, 5, 5, undefined]);
		expect(reads).toBe(2); // one per community
		version = 6; // a seller's change, after those reads settled
		expect(await versionOf('com_a')).toBe(6);
		expect(reads).toBe(3);
	});

	it('should forget a failed read, so the next caller tries again', async () => {
		let fail = true;
		const versionOf = shareInFlight(async () => {
			if (fail) throw new Error('database busy');
			return 1;
		});
		await expect(Promise.all([versionOf('com_a'), versionOf('com_a')])).rejects.toThrow('database busy');
		fail = false;
		expect(await versionOf('com_a')).toBe(1);
	});
});

describe(renderOnly.name, () => {
	it('should keep the data a plain object (SvelteKit requires one) and write only a placeholder for it', () => {
		const data = renderOnly({ result: { items: [{ name: 'Keripik' }] } });
		expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
		expect(data.result.items[0].name).toBe('Keripik');
		expect(renderOnlyTransport.encode(data)).toBe(1);
		// anything not marked (other pages' data, the items inside) is serialized as before
		for (const other of [data.result, data.result.items, { result: 1 }, [], null, 'teks', 3]) expect(renderOnlyTransport.encode(other)).toBe(false);
	});
});
