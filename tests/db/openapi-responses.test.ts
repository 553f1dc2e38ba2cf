import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, discoverRoutes, routeByKey, type RouteEntry, type RouteRequest, type RouteResult } from '../helpers/routes';
import { expectations } from './authorization/expectations';
import { ACTORS, buildWorld, type ActorName, type World } from './authorization/world';
import { openapi } from '../../src/lib/server/web/openapi';
import { readRegionRows } from '../../src/lib/server/regions/region-data';
import { system } from '../helpers/factories';
import type { Actor } from '../../src/lib/server/auth/actor';
import { documentValidator, operationOf, type DocumentValidator } from '../helpers/openapi-validate';

/**
 * Real answers against /api/v1/openapi.json: every request of the authorization matrix (every actor, so the
 * successes and the 401/404/409… refusals) plus the successes the matrix never asks for (a right password, a
 * checkout read with its token…), each answer checked with ajv against the schema the document gives for that
 * operation and status. An undocumented status, an undocumented content type or a body off its schema fails;
 * at the end every documented operation must have had at least one 2xx answer validated.
 */
const routes = (await discoverRoutes()).filter((r) => r.path.startsWith('/api/v1/'));

let ctx: TestContext;
let world: World;
let validator: DocumentValidator;
let admin: Actor;
const succeeded = new Set<string>();

beforeAll(async () => {
	ctx = await createTestContext();
	world = await buildWorld(ctx.services);
	validator = documentValidator(openapi);
	// one district of West Java (Cigugur, Kuningan) and its parents: enough for a platform admin to create a community
	const rows = await readRegionRows({ province: '32' });
	await ctx.services.regions.load(system, rows.filter((r) => ['32', '32.08'].includes(r.code) || r.code.startsWith('32.08.18')));
	const adminId = await ctx.services.auth.createUser(system, { name: 'Admin Dinas', email: 'admin-openapi@dinas.test', password: 'kunci-admin-openapi-9', platformAdmin: true });
	admin = (await ctx.services.auth.loadActor(adminId))!;
}, 120_000);
afterAll(() => ctx?.cleanup());

/** Successes no matrix probe asks for (the matrix mostly tries what must be refused). */
const successes: Record<string, { as: ActorName | 'admin'; request: (w: World) => Promise<RouteRequest> | RouteRequest }[]> = {
	'POST /api/v1/admin/communities': [{ as: 'admin', request: () => ({ json: { regionCode: '32.08.18.1003', name: 'Desa Dokumen', slug: 'desa-dokumen-openapi' } }) }],
	'POST /api/v1/shops/[shopId]/exports/shopee.xlsx': [
		{
			as: 'seller',
			// the built-in workbook is itself a Shopee template: fill it again
			request: async (w) => {
				const file = await callRoute(await routeByKey('GET /api/v1/shops/[shopId]/exports/shopee.xlsx'), { services: ctx.services, actor: await w.actor('seller') }, { params: { shopId: w.shopA.id } });
				return { params: { shopId: w.shopA.id }, form: { template: new File([new Uint8Array(file.bytes!)], 'template.xlsx') } };
			}
		}
	],
	'POST /api/v1/auth/login': [{ as: 'anonymous', request: (w) => ({ json: { login: w.logins.seller, password: w.password } }) }],
	'GET /api/v1/checkouts/[code]': [
		{
			as: 'anonymous',
			request: async (w) => {
				const f = await w.fresh.order(w.shopA);
				return { params: { code: f.checkoutCode }, query: { token: f.token } };
			}
		}
	],
	'GET /api/v1/regions': [{ as: 'anonymous', request: () => ({}) }]
};

async function check(route: RouteEntry, as: ActorName | 'admin', request: RouteRequest): Promise<string | null> {
	const actor = as === 'admin' ? admin : await world.actor(as);
	const result: RouteResult = await callRoute(route, { services: ctx.services, actor, sessionToken: as === 'anonymous' ? undefined : `openapi-${as}` }, request);
	const problem = validator.check(route.method, route.path, result);
	if (!problem && result.status >= 200 && result.status < 300) succeeded.add(operationOf(route.method, route.path));
	return problem ? `→ ${result.status}: ${problem}` : null;
}

describe(`real answers match /api/v1/openapi.json (${TEST_DIALECT})`, () => {
	it('should document every /api/v1 route, and no operation without a route', () => {
		const fromRoutes = routes.map((r) => operationOf(r.method, r.path)).sort();
		expect(validator.operations().sort()).toEqual(fromRoutes);
	});

	for (const route of routes) {
		it(route.key, async () => {
			const problems = new Set<string>();
			for (const p of expectations[route.key] ?? []) {
				for (const as of ACTORS) {
					const fixture = p.setup ? await p.setup(world, as) : undefined;
					const problem = await check(route, as, p.request(world, fixture, as));
					if (problem) problems.add(`[${p.probe}] ${problem}`);
				}
			}
			for (const s of successes[route.key] ?? []) {
				const problem = await check(route, s.as, await s.request(world));
				if (problem) problems.add(`[success] ${problem}`);
			}
			const report = [...problems].join('\n');
			expect(report, `${route.key}:\n${report}`).toBe('');
		}, 60_000);
	}

	it('should have validated a 2xx answer of every documented operation', () => {
		const without = validator.operations().filter((o) => !succeeded.has(o));
		expect(without, `no validated success for: ${without.join(', ')}`).toEqual([]);
	});
});
