import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { startApp, type RunningApp } from './harness';
import demo from '../../src/lib/server/demo/cigadung.json';

let app: RunningApp;
let coordinator: string;
let facilitator: string;
let seller: string;
let otherCoordinator: string;

const call = async (method: string, path: string, token?: string, body?: unknown) => {
	const res = await fetch(app.baseUrl + path, {
		method,
		headers: { ...(token ? { authorization: `Bearer ${token}` } : {}), ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	return { status: res.status, body: await res.json() };
};
const login = async (email: string, password = 'demo-cigadung-2024') => {
	const r = await call('POST', '/api/v1/auth/login', undefined, { login: email, password });
	expect(r.status).toBe(200);
	return r.body.token as string;
};
/** A signed-in browser session (cookie), for posting the coordinator's and seller's forms as a browser would. */
const cookieLogin = async (email: string, password = 'demo-cigadung-2024') => {
	const res = await fetch(`${app.baseUrl}/masuk`, { method: 'POST', headers: { origin: app.baseUrl, accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ login: email, password }), redirect: 'manual' });
	expect(res.status).toBe(303);
	return res.headers.getSetCookie().map((c) => c.split(';')[0]).join('; ');
};
const postForm = async (path: string, cookie: string, fields: Record<string, string>) =>
	(await fetch(app.baseUrl + path, { method: 'POST', headers: { origin: app.baseUrl, accept: 'text/html', cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields), redirect: 'manual' })).status;
const cli = (...args: string[]) => execFileSync(process.execPath, ['node_modules/.bin/tsx', 'scripts/ecrav.ts', ...args], { env: { ...process.env, DATA_DIR: app.dataDir, DATABASE_URL: '', ORIGIN: app.baseUrl }, encoding: 'utf8' });

beforeAll(async () => {
	app = await startApp();
	coordinator = await login('koordinator@cigadung.test');
	facilitator = await login('pendamping@cigadung.test');
	seller = await login('jj@cigadung.test');
	// A second kelurahan with its own coordinator, made with the CLI as an operator would.
	cli('create-community', '--slug', 'sukamulya', '--name', 'Kelurahan Sukamulya', '--region-code', '32.08.18.1003', '--kind', 'kelurahan', '--district', 'Cigugur', '--regency', 'Kabupaten Kuningan', '--province', 'Jawa Barat');
	const out = cli('add-coordinator', '--community', 'sukamulya', '--name', 'Koordinator Sukamulya', '--email', 'koor@sukamulya.test');
	const link = /\/atur-sandi\/(\S+)/.exec(out)![1];
	const set = await fetch(`${app.baseUrl}/atur-sandi/${link}`, {
		method: 'POST',
		headers: { origin: app.baseUrl, 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({ password: 'sukamulya-rahasia-1', confirm: 'sukamulya-rahasia-1' }),
		redirect: 'manual'
	});
	expect(set.status).toBeLessThan(400);
	otherCoordinator = await login('koor@sukamulya.test', 'sukamulya-rahasia-1');
}, 180_000);
afterAll(() => app?.stop());

describe('program JSON API', () => {
	it("should list the demo program with the report's seven stages for the coordinator and the facilitator", async () => {
		for (const token of [coordinator, facilitator]) {
			const r = await call('GET', '/api/v1/communities/cigadung/programs', token);
			expect(r.status).toBe(200);
			expect(r.body.data).toHaveLength(1);
			expect(r.body.data[0]).toMatchObject({ id: expect.stringMatching(/^prg_/), name: 'E-Commerce Creative (E-Crav)' });
			expect(r.body.data[0].stages.map((s: { key: string; name: string; status: string }) => [s.key, s.status])).toEqual(
				['persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi'].map((k) => [k, 'selesai'])
			);
			expect(r.body.data[0].stages[6].name).toBe('Terminasi & rujukan');
		}
	});

	it('should answer every standard indicator key with a value computed on this request', async () => {
		const programId = (await call('GET', '/api/v1/communities/cigadung/programs', coordinator)).body.data[0].id;
		const first = await call('GET', `/api/v1/programs/${programId}/indicators`, facilitator);
		expect(first.status).toBe(200);
		const byKey = Object.fromEntries(first.body.data.map((i: { key: string }) => [i.key, i]));
		for (const k of ['members', 'accounts_set_up', 'products_published', 'orders_30d', 'turnover_30d', 'attendance_rate', 'knowledge_gain']) {
			expect(byKey[k]).toEqual(expect.objectContaining({ key: k, label: expect.any(String), unit: expect.any(String), source: 'auto' }));
			expect(byKey[k]).toHaveProperty('baseline');
			expect(byKey[k]).toHaveProperty('target');
			expect(byKey[k]).toHaveProperty('value');
		}
		expect(byKey.members.value).toBe(26);
		expect(byKey.orders_30d.value).toBe(0);

		// The seller publishes a product and a buyer orders it: the next request already counts both.
		const shopId = (await call('GET', '/api/v1/me/shops', seller)).body.data[0].id;
		const product = await call('POST', `/api/v1/shops/${shopId}/products`, seller, { name: 'Ketempling Keju 250 g', categorySlug: 'camilan-keripik', price: 14000, unit: 'bungkus', stock: 10, published: true });
		expect(product.status).toBe(201);
		const res = await fetch(`${app.baseUrl}/api/v1/communities/cigadung/checkouts`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', 'idempotency-key': `program-api-${Date.now()}` },
			body: JSON.stringify({ buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: product.body.id, quantity: 2 }], shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod' } } })
		});
		expect(res.status).toBe(201);
		expect((await res.json()).orders[0].total).toBe(28000);
		const values = async () => Object.fromEntries((await call('GET', `/api/v1/programs/${programId}/indicators`, coordinator)).body.data.map((i: { key: string; value: number }) => [i.key, i.value]));
		// the demo program ended on 6 December 2024: it is measured at its end, so today's product and order are
		// after its period and not counted
		const after = await values();
		expect(after.products_published).toBe(byKey.products_published.value);
		expect(after.orders_30d).toBe(0);

		// the coordinator reopens the program (no end date): the same order now counts, on the next request
		const koor = await cookieLogin('koordinator@cigadung.test');
		const p = demo.program;
		const plan = { name: p.name, theme: p.theme, goals: p.goals.join('\n'), targetGroup: p.target, startsOn: p.fieldPeriod.start, endsOn: '' };
		expect(await postForm(`/koordinator/cigadung/program/${programId}/rencana?/rencana`, koor, plan)).toBe(303);
		const running = await values();
		expect(running.products_published).toBe(byKey.products_published.value + 1);
		expect(running.orders_30d).toBe(1);
		expect(running.turnover_30d).toBe(0); // a new order is not turnover yet: only completed orders are

		// the seller completes it: now it is turnover
		const jj = await cookieLogin('jj@cigadung.test');
		const inbox = await (await fetch(`${app.baseUrl}/jual/pesanan`, { headers: { cookie: jj } })).text();
		const orderId = /href="\/jual\/pesanan\/([^"?/]+)"/.exec(inbox)![1];
		expect(await postForm(`/jual/pesanan/${orderId}?/status`, jj, { to: 'selesai' })).toBeLessThan(400);
		expect((await values()).turnover_30d).toBe(28000);
	});

	it("should answer 404 to a seller and to another community's coordinator, and 401 without a token", async () => {
		const programId = (await call('GET', '/api/v1/communities/cigadung/programs', coordinator)).body.data[0].id;
		for (const token of [seller, otherCoordinator]) {
			const list = await call('GET', '/api/v1/communities/cigadung/programs', token);
			expect(list.status).toBe(404);
			expect(list.body.error.code).toBe('not_found');
			expect((await call('GET', `/api/v1/programs/${programId}/indicators`, token)).status).toBe(404);
		}
		expect((await call('GET', '/api/v1/communities/sukamulya/programs', otherCoordinator)).body).toEqual({ data: [] });
		expect((await call('GET', '/api/v1/communities/cigadung/programs')).status).toBe(401);
		expect((await call('GET', '/api/v1/programs/prg_tidak_ada/indicators', coordinator)).status).toBe(404);
	});

	it('should document both endpoints in the OpenAPI description', async () => {
		const doc = (await call('GET', '/api/v1/openapi.json')).body;
		expect(doc.paths['/communities/{slug}/programs'].get.responses['200']).toBeDefined();
		expect(doc.paths['/programs/{programId}/indicators'].get.responses['200'].content['application/json'].schema.properties.data.items.required).toEqual(['key', 'label', 'unit', 'baseline', 'target', 'value', 'source']);
	});
});
