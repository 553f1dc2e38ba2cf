import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../../helpers/db';
import { callRoute, changedTables, digestTables, discoverRoutes, type RouteEntry } from '../../helpers/routes';
import { COUNTER_TABLES, expectations, type Probe } from './expectations';
import { ACTORS, buildWorld, type ActorName, type World } from './world';

/**
 * Every form action and request handler × every kind of actor → the expected status, and nothing written by a
 * refused attempt. The rows live in expectations.ts; the routes come from src/routes itself, so a new route
 * without a row fails here.
 */

const EXPECTATIONS_FILE = 'tests/db/authorization/expectations.ts';
const routes = await discoverRoutes();

let ctx: TestContext;
let world: World;

beforeAll(async () => {
	ctx = await createTestContext();
	world = await buildWorld(ctx.services);
}, 120_000);
afterAll(() => ctx?.cleanup());

function template(route: RouteEntry): string {
	const params = [...route.path.matchAll(/\[(?:\.\.\.)?(\w+)\]/g)].map((m) => `${m[1]}: '…'`).join(', ');
	return [
		`\n  '${route.key}': [`,
		`    probe({ probe: 'what an attacker tries', setup: (w) => w.fresh.product(w.shopA), request: (w, f) => ({ params: { ${params} }${route.kind === 'action' || route.method !== 'GET' ? ', form: { … } /* or json */' : ''} }), expect: shopManagers(200) })`,
		`  ],`
	].join('\n');
}

describe(`authorization matrix (${TEST_DIALECT})`, () => {
	it('should have a row for every route in src/routes, and no row for a route that is gone', () => {
		const missing = routes.filter((r) => !expectations[r.key]);
		const keys = new Set(routes.map((r) => r.key));
		const stale = Object.keys(expectations).filter((k) => !keys.has(k));
		const message = [
			...missing.map(
				(r) =>
					`Route "${r.key}" (${r.file}) has no row in the authorization matrix.\n` +
					`Add it to the object \`expectations\` in ${EXPECTATIONS_FILE}: who may call it (seller of the shop, other sellers, staff of the community and of another one, anonymous) and with which status; put the foreign ids this route reads in params/form/json. For example:${template(r)}`
			),
			...stale.map((k) => `Row "${k}" in ${EXPECTATIONS_FILE} matches no route any more: delete it (or fix its key: METHOD /path or POST /path?/action).`)
		].join('\n\n');
		expect(message, message).toBe('');
	});

	for (const route of routes) {
		const probes = expectations[route.key];
		if (!probes) continue;
		it(`${route.key}`, async () => {
			const problems: string[] = [];
			let holesStillOpen = 0;
			for (const p of probes) {
				const openFor = new Set(p.openHole?.actors ?? []);
				let openSeen = false;
				for (const as of ACTORS) {
					const problem = await attempt(route, p, as);
					if (openFor.has(as)) {
						if (problem) openSeen = true;
						continue;
					}
					if (problem) problems.push(`  [${p.probe}] as ${as}: ${problem}`);
				}
				if (p.openHole && openSeen) holesStillOpen++;
				if (p.openHole && !openSeen)
					problems.push(`  [${p.probe}] now behaves as expected for ${[...openFor].join(', ')}: the hole "${p.openHole.fixedBy}" is closed — delete its \`openHole\` line in ${EXPECTATIONS_FILE}.`);
			}
			expect(problems.join('\n'), `${route.key} (${route.file}):\n${problems.join('\n')}`).toBe('');
			if (holesStillOpen) expect(holesStillOpen).toBeGreaterThan(0);
		});
	}
});

/** One actor's attempt: the wrong status, a 500, or a write by a refused attempt → a line saying so; else null. */
async function attempt(route: RouteEntry, p: Probe, as: ActorName): Promise<string | null> {
	const fixture = p.setup ? await p.setup(world, as) : undefined;
	const skip = [...COUNTER_TABLES, ...(p.mayChange ?? [])];
	const before = await digestTables(ctx.database, skip);
	const result = await callRoute(route, { services: ctx.services, actor: await world.actor(as), sessionToken: as === 'anonymous' ? undefined : `matrix-${as}` }, p.request(world, fixture, as));
	const expected = p.expect[as];
	const refused = result.status >= 400 || expected >= 400;
	const out: string[] = [];
	if (result.status !== expected) out.push(`expected ${expected}, got ${result.status}${result.error ? ` (${String((result.error as Error)?.stack ?? result.error).split('\n').slice(0, 3).join(' | ')})` : ''}`);
	if (refused || p.readOnly) {
		const changed = changedTables(before, await digestTables(ctx.database, skip));
		if (changed.length) out.push(`${refused ? 'refused but' : 'read-only but'} changed ${changed.join(', ')}`);
	}
	return out.length ? out.join('; ') : null;
}
