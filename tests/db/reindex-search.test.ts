import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { sql } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { reindexSearch } from '../../src/lib/server/search/reindex';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';

let ctx: TestContext;
const found = async (q: string) => {
	const community = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	return (await ctx.services.catalog.listProducts(PUBLIC_ACTOR, community, { q })).page.total;
};

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true });
	await seedDemoCommunity(ctx.services, { photos: false });
}, 60_000);
afterAll(() => ctx.cleanup());

describe(`${reindexSearch.name} (${TEST_DIALECT})`, () => {
	it('should rebuild a lost search index so products are found again (PostgreSQL: nothing to do)', async () => {
		const before = await found('ketempling');
		expect(before).toBeGreaterThan(0);
		if (TEST_DIALECT === 'sqlite') {
			await sql`DELETE FROM product_fts`.execute(ctx.database.db);
			expect(await found('ketempling')).toBe(0);
		}
		const n = await reindexSearch(ctx.database);
		expect(n === null ? TEST_DIALECT : n).toBe(TEST_DIALECT === 'sqlite' ? Number((await ctx.database.db.selectFrom('product').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n) : 'postgres');
		expect(await found('ketempling')).toBe(before);
	});

	it('should be the one documented way, and work from the command line on a SQLite file', async () => {
		const readme = await readFile('README.md', 'utf8');
		expect(readme).toContain('npm run ecrav -- reindex-search');
		expect(readme).not.toMatch(/VALUES\('rebuild'\)/);
		const file = join(ctx.dataDir, 'cli.sqlite');
		const env = { ...process.env, DATABASE_URL: `sqlite:${file}`, DATA_DIR: ctx.dataDir, ECRAV_DEMO: 'off' };
		const run = (...args: string[]) => promisify(execFile)(process.execPath, ['node_modules/tsx/dist/cli.mjs', 'scripts/ecrav.ts', ...args], { env, timeout: 90_000 });
		const out = await run('reindex-search');
		expect(out.stdout).toMatch(/Indeks pencarian dibangun ulang: 0 produk\./);
	}, 120_000);
});
