import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, routeByKey } from '../helpers/routes';
import { makeCommunity } from '../helpers/factories';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';

/**
 * A NUL character in a URL parameter (`/koordinator/%00/pelatihan/laporan/…`, found by the route fuzzer on PostgreSQL,
 * whose text cannot hold U+0000): a lookup finds nothing, as on SQLite, and never answers 500.
 */
let ctx: TestContext;

beforeAll(async () => {
	ctx = await createTestContext();
	await makeCommunity(ctx.services, { slug: 'desa-nul' });
});
afterAll(() => ctx.cleanup());

describe(`NUL in a parameter (${TEST_DIALECT})`, () => {
	it('should find nothing for a slug with a NUL, by =, by in and through the service (404, not a driver error)', async () => {
		const db = ctx.database.db;
		expect(await db.selectFrom('community').select('id').where('slug', '=', 'desa-nul\u0000').execute()).toEqual([]);
		expect(await db.selectFrom('community').select('id').where('slug', 'in', ['\u0000', 'desa\u0000nul']).execute()).toEqual([]);
		expect(await db.selectFrom('community').select('id').where('slug', 'in', ['\u0000', 'desa-nul']).execute()).toHaveLength(1);
		await expect(ctx.services.communities.getBySlug(PUBLIC_ACTOR, '\u0000')).rejects.toMatchObject({ status: 404 });
	});

	it('should answer the evaluation report route with a NUL community as any unknown community (to the login), not 500', async () => {
		const route = await routeByKey('GET /koordinator/[community]/pelatihan/laporan/[program]/[format]');
		const result = await callRoute(route, { services: ctx.services, actor: PUBLIC_ACTOR }, { params: { community: '\u0000', program: 'prg_x', format: 'xlsx' } });
		expect(result.status).toBe(303);
	});
});
