import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { system } from '../helpers/factories';
import { callRoute, routeByKey } from '../helpers/routes';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import { readRegionRows } from '../../src/lib/server/regions/region-data';
import { RegionService } from '../../src/lib/server/regions/region.service';

/**
 * Official regions (issue 12 item 1): the whole of `idn-area-data` (38 provinces … 83,762 kelurahan/desa) loaded through
 * the same service the CLI's `load-regions` uses, on this test's database, timed; loading again changes nothing and
 * repairs a renamed row; `GET /api/v1/regions` walks province → regency → district → village, is cacheable, and a
 * malformed parent is a 400 in the API's error shape (an unknown one a 404), never a 500.
 */
let ctx: TestContext;

beforeAll(async () => {
	ctx = await createTestContext();
	const started = performance.now();
	const rows = await readRegionRows();
	const read = performance.now() - started;
	const { ms } = await ctx.services.regions.load(system, rows);
	console.log(`[regions ${TEST_DIALECT}] read ${rows.length} rows in ${Math.round(read)} ms, stored in ${ms} ms`);
}, 120_000);
afterAll(() => ctx?.cleanup());

const get = async (query: Record<string, string> = {}) => callRoute(await routeByKey('GET /api/v1/regions'), { services: ctx.services, actor: PUBLIC_ACTOR }, { query });
type Listed = { data: { code: string; name: string; level: string }[] };

describe(RegionService.name, () => {
	describe('load', () => {
		it('should hold every level of the official data', async () => {
			expect(await ctx.services.regions.counts(system)).toEqual({ province: 38, regency: 514, district: 7285, village: 83762 });
		});

		it('should change nothing when run again, and put back a name changed by hand', async () => {
			await ctx.database.db.updateTable('region').set({ name: 'Salah Ketik' }).where('code', '=', '32.08.18.1002').execute();
			const { counts } = await ctx.services.regions.load(system, await readRegionRows({ province: '32' }));
			expect(counts).toEqual({ province: 38, regency: 514, district: 7285, village: 83762 });
			const row = await ctx.database.db.selectFrom('region').selectAll().where('code', '=', '32.08.18.1002').executeTakeFirstOrThrow();
			expect(row).toEqual({ code: '32.08.18.1002', parent_code: '32.08.18', name: 'Cigadung', level: 'village' });
		});

		it('should refuse anyone but the system or a platform admin', async () => {
			await expect(ctx.services.regions.load(PUBLIC_ACTOR, [])).rejects.toMatchObject({ status: 403 });
		});
	});
});

describe('GET /api/v1/regions', () => {
	it('should list the provinces without a parent, by name, cacheable', async () => {
		const res = await get();
		expect(res.status).toBe(200);
		const { data } = res.body as Listed;
		expect(data).toHaveLength(38);
		expect(data).toContainEqual({ code: '32', name: 'Jawa Barat', level: 'province' });
		expect(data.map((r) => r.name)).toEqual([...data.map((r) => r.name)].sort());
		expect(res.headers?.get('cache-control')).toMatch(/^public, max-age=\d+/);
	});

	it('should walk down province → regency → district → its ten kelurahan/desa', async () => {
		const regencies = (await get({ parent: '32' })).body as Listed;
		expect(regencies.data).toContainEqual({ code: '32.08', name: 'Kabupaten Kuningan', level: 'regency' });
		expect(regencies.data.every((r) => r.code.startsWith('32.') && r.level === 'regency')).toBe(true);
		const districts = (await get({ parent: '32.08' })).body as Listed;
		expect(districts.data).toContainEqual({ code: '32.08.18', name: 'Cigugur', level: 'district' });
		const villages = (await get({ parent: '32.08.18' })).body as Listed;
		expect(villages.data).toHaveLength(10);
		expect(villages.data).toContainEqual({ code: '32.08.18.1002', name: 'Cigadung', level: 'village' });
		expect(villages.data).toContainEqual({ code: '32.08.18.2009', name: 'Cisantana', level: 'village' });
	});

	it('should answer a malformed parent with 400 in the error shape', async () => {
		for (const parent of ['abc', '32.08.18.1002', '32.8', "32' or 1=1", '', ' 32.08 x', '3'.repeat(500)]) {
			const res = await get({ parent });
			expect(res.status, parent).toBe(400);
			expect(res.body, parent).toMatchObject({ error: { code: 'bad_request', message: expect.stringContaining('Kode wilayah induk') } });
		}
	});

	it('should answer a well-formed parent nobody knows with 404', async () => {
		const res = await get({ parent: '99.01' });
		expect(res.status).toBe(404);
		expect(res.body).toMatchObject({ error: { code: 'not_found', message: 'Tidak ada wilayah dengan kode 99.01.' } });
	});
});
