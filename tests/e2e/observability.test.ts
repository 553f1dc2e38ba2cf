import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

/**
 * Issue 12 item 5, over real HTTP against the built server: one JSON log line per request with its id, route id,
 * status and time — and not one secret in the whole log (session cookies, bearer tokens, setup / board / check-in
 * links, the buyer's status link, passwords, form bodies); /metrics only with the metrics token.
 */

let app: RunningApp;
const METRICS_TOKEN = 'token-metrik-uji-e2e-9f8e7d6c5b4a';
const PASSWORD = 'demo-cigadung-2024';
const secrets: Record<string, string> = {};

interface LogLine {
	level: string;
	msg: string;
	reqId?: string;
	method?: string;
	route?: string | null;
	status?: number;
	ms?: number;
}

/** The JSON lines the server wrote (every line of its output must be one). */
function logLines(): LogLine[] {
	return app
		.output()
		.split('\n')
		.filter((l) => l.trim())
		.map((l) => JSON.parse(l) as LogLine);
}

const settle = () => new Promise((r) => setTimeout(r, 300));

beforeAll(async () => {
	app = await startApp({ METRICS_TOKEN, LOG_LEVEL: 'debug' });
	const base = app.baseUrl;
	// a real session cookie: log in with the form as a seller does
	const login = await fetch(`${base}/masuk`, { method: 'POST', redirect: 'manual', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base, accept: 'text/html' }, body: `login=jj%40cigadung.test&password=${PASSWORD}` });
	expect(login.status).toBe(303);
	secrets.sessionCookie = /ecrav_session=([^;]+)/.exec(login.headers.get('set-cookie') ?? '')![1];
	expect((await fetch(`${base}/jual`, { headers: { cookie: `ecrav_session=${secrets.sessionCookie}` }, redirect: 'manual' })).status).toBe(200);
	// a real API bearer token
	const api = await (await fetch(`${base}/api/v1/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ login: 'mt@cigadung.test', password: PASSWORD }) })).json();
	secrets.bearer = api.token;
	expect((await fetch(`${base}/api/v1/me/shops`, { headers: { authorization: `Bearer ${secrets.bearer}` } })).status).toBe(200);
	// a real buyer status link (`/pesanan/{code}?t={token}`) from a checkout with a form body of our own
	const products = await (await fetch(`${base}/api/v1/communities/cigadung/products?q=ketempling+original`)).json();
	secrets.buyerName = 'Pembeli Rahasia Sekali';
	const placed = await fetch(`${base}/api/v1/communities/cigadung/checkouts`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'idempotency-key': `obs-${Date.now()}` },
		body: JSON.stringify({ buyer: { name: secrets.buyerName, whatsapp: '081288770011' }, lines: [{ productId: products.data[0].id, quantity: 1 }], shops: { 'ketempling-jj': { delivery: 'pickup', payment: 'cod' } } })
	});
	expect(placed.status).toBe(201);
	const checkout = await placed.json();
	secrets.statusToken = checkout.token;
	expect((await fetch(`${base}/pesanan/${checkout.code}?t=${encodeURIComponent(checkout.token)}`)).status).toBe(200);
	// links that carry their secret in the path (unknown tokens: the route is matched, the answer is a 404)
	secrets.setupToken = 'SetupLinkToken' + 'q'.repeat(20) + 'Xy9';
	secrets.boardToken = 'BoardLinkToken' + 'w'.repeat(20) + 'Zz8';
	secrets.checkinToken = 'CheckinToken' + 'e'.repeat(20) + 'Aa7';
	for (const path of [`/atur-sandi/${secrets.setupToken}`, `/papan/trn_tidakada/${secrets.boardToken}`, `/hadir/${secrets.checkinToken}`]) {
		expect((await fetch(base + path)).status, path).toBeLessThan(500);
	}
	// a wrong password for a setup link posted as a form
	await fetch(`${base}/atur-sandi/${secrets.setupToken}`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', origin: base }, body: 'password=SandiBaruYangRahasia1&confirm=SandiBaruYangRahasia1' });
	secrets.newPassword = 'SandiBaruYangRahasia1';
	secrets.password = PASSWORD;
	await settle();
}, 180_000);
afterAll(async () => {
	await app?.stop();
});

describe('request logs', () => {
	it('should write every line as JSON, one per request, naming the route id, method, status, time and request id', () => {
		const lines = logLines();
		const requests = lines.filter((l) => l.msg === 'request');
		expect(requests.length).toBeGreaterThanOrEqual(9);
		for (const r of requests) {
			expect(r).toMatchObject({ reqId: expect.stringMatching(/^\S{6,100}$/), method: expect.any(String), status: expect.any(Number), ms: expect.any(Number) });
		}
		// route ids, never the URL that was asked for
		const routes = requests.map((r) => r.route);
		expect(routes).toContain('/(account)/atur-sandi/[token]');
		expect(routes).toContain('/papan/[trainingId]/[token]');
		expect(routes).toContain('/(member)/hadir/[token]');
		expect(routes).toContain('/(store)/pesanan/[code]');
		expect(routes).toContain('/api/v1/me/shops');
	});

	it('should never write a session cookie, bearer token, setup/board/check-in link, status link, password or form body', () => {
		const out = app.output();
		for (const [kind, secret] of Object.entries(secrets)) {
			expect(secret.length, kind).toBeGreaterThan(8);
			expect(out.includes(secret), `${kind} is in the log`).toBe(false);
		}
	});

	it('should keep a sane incoming X-Request-Id, echo it and log it; replace one that is not', async () => {
		const mine = 'proxy-req-1a2b3c4d';
		const res = await fetch(`${app.baseUrl}/c/cigadung`, { headers: { 'x-request-id': mine } });
		expect(res.status).toBe(200);
		expect(res.headers.get('x-request-id')).toBe(mine);
		const odd = await fetch(`${app.baseUrl}/c/cigadung`, { headers: { 'x-request-id': 'a"b <script>' + 'x'.repeat(200) } });
		const given = odd.headers.get('x-request-id');
		expect(given).toMatch(/^[0-9a-f-]{36}$/);
		// an answer without a route (an unknown path) and a redirect get one too
		expect((await fetch(`${app.baseUrl}/tidak-ada-di-sini`)).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		expect((await fetch(`${app.baseUrl}/bahasa?ke=en&kembali=/`, { redirect: 'manual' })).headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
		await settle();
		const lines = logLines();
		expect(lines.find((l) => l.reqId === mine)).toMatchObject({ msg: 'request', method: 'GET', route: '/(store)/c/[community]', status: 200 });
		expect(lines.find((l) => l.reqId === given)).toMatchObject({ route: '/(store)/c/[community]' });
		expect(app.output()).not.toContain('<script>');
	});

	it('should log health checks at debug level only, so LOG_LEVEL=info leaves them out', async () => {
		await fetch(`${app.baseUrl}/healthz`, { headers: { 'x-request-id': 'health-probe-777' } });
		await settle();
		expect(logLines().find((l) => l.reqId === 'health-probe-777')).toMatchObject({ level: 'debug', route: '/healthz', status: 200 });
	});
});

describe('GET /metrics over HTTP', () => {
	it('should be a 404 without the token and with a wrong one', async () => {
		expect((await fetch(`${app.baseUrl}/metrics`)).status).toBe(404);
		expect((await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}0` } })).status).toBe(404);
	});

	it('should count requests by route id, method and status class, and page-cache hits, with no id or token in a label', async () => {
		for (let i = 0; i < 3; i++) expect((await fetch(`${app.baseUrl}/c/cigadung/toko/ketempling-jj`)).status).toBe(200);
		const res = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS_TOKEN}` } });
		expect(res.status).toBe(200);
		const text = await res.text();
		expect(text).toMatch(/^ecrav_http_request_duration_seconds_count\{route="\/\(store\)\/c\/\[community\]\/toko\/\[shop\]",method="GET",status="2xx"\} [3-9]/m);
		expect(text).toMatch(/^ecrav_http_request_duration_seconds_count\{route="\/\(account\)\/atur-sandi\/\[token\]",method="GET",status="4xx"\} 1$/m);
		expect(Number(/^ecrav_page_cache_lookups_total\{result="hit"\} (\d+)/m.exec(text)?.[1])).toBeGreaterThanOrEqual(2);
		expect(Number(/^ecrav_orders_placed_total (\d+)/m.exec(text)?.[1])).toBe(1);
		for (const secret of Object.values(secrets)) expect(text).not.toContain(secret);
		expect(text).not.toContain('ketempling-jj');
	});
});
