import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders, demoProduct } from '../helpers/demo-orders';
import { callRoute, routeByKey } from '../helpers/routes';
import { PUBLIC_ACTOR } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/** Issue 12 item 5: /metrics in Prometheus format, only for `Authorization: Bearer $METRICS_TOKEN`, else 404. */

let ctx: TestContext;
let cigadung: Community;
const TOKEN = 'metrik-rahasia-untuk-uji-0123456789';

beforeAll(async () => {
	({ ctx, cigadung } = await startDemoOrders());
}, 60_000);
afterAll(() => ctx.cleanup());
afterEach(() => {
	delete process.env.METRICS_TOKEN;
});

async function scrape(authorization?: string) {
	return callRoute(await routeByKey('GET /metrics'), { services: ctx.services, actor: PUBLIC_ACTOR }, { headers: authorization ? { authorization } : {} });
}

/** The value of one sample (`name{labels} value`) in the exposition text; 0 when the series is not there yet. */
function sample(text: string, series: string): number {
	const line = text.split('\n').find((l) => l.startsWith(series + ' '));
	return line ? Number(line.slice(series.length + 1)) : 0;
}

describe(`GET /metrics (${TEST_DIALECT})`, () => {
	it('should answer 404 to everyone while METRICS_TOKEN is unset, even with a bearer token', async () => {
		expect((await scrape()).status).toBe(404);
		expect((await scrape('Bearer ')).status).toBe(404);
		expect((await scrape(`Bearer ${TOKEN}`)).status).toBe(404);
	});

	it('should answer 404 without the token, with another token or another scheme, and the metrics with it', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		for (const wrong of [undefined, `Bearer ${TOKEN.slice(0, -1)}`, `Bearer ${TOKEN}x`, `Basic ${TOKEN}`, TOKEN, `Bearer ${TOKEN} extra`]) {
			const r = await scrape(wrong);
			expect(r.status, String(wrong)).toBe(404);
			expect(String(r.body)).not.toContain('ecrav_');
		}
		const ok = await scrape(`Bearer ${TOKEN}`);
		expect(ok.status).toBe(200);
		expect(ok.headers?.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
		expect(ok.headers?.get('cache-control')).toBe('no-store');
		const text = String(ok.body);
		for (const name of ['ecrav_http_request_duration_seconds', 'ecrav_orders_placed_total', 'ecrav_http_server_errors_total', 'ecrav_page_cache_lookups_total', 'ecrav_visit_batch_flushes_total', 'ecrav_process_cpu_seconds_total', 'ecrav_process_resident_memory_bytes', 'ecrav_nodejs_eventloop_lag_seconds']) {
			expect(text, name).toContain(`# TYPE ${name} `);
		}
		expect(sample(text, 'ecrav_process_resident_memory_bytes')).toBeGreaterThan(10_000_000);
	});

	it('should count each order a new checkout places, once: a replay of the same checkout adds nothing', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		const ordersNow = async () => sample(String((await scrape(`Bearer ${TOKEN}`)).body), 'ecrav_orders_placed_total');
		const before = await ordersNow();
		const [a, b] = [await demoProduct(ctx, 'ketempling-original-250-g'), await demoProduct(ctx, 'sambal-cumi-150-ml')];
		const input = { buyer: { name: 'Siti', whatsapp: '081234567890' }, lines: [{ productId: a.id, quantity: 1 }, { productId: b.id, quantity: 1 }], shops: { 'ketempling-jj': { delivery: 'pickup' as const, payment: 'cod' as const }, 'sambal-mt': { delivery: 'pickup' as const, payment: 'cod' as const } } };
		const key = `metrics-${Date.now()}`;
		const placed = await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input, key);
		expect(placed.view.orders).toHaveLength(2);
		expect(await ordersNow()).toBe(before + 2);
		expect((await ctx.services.orders.placeCheckout(PUBLIC_ACTOR, cigadung, input, key)).created).toBe(false);
		expect(await ordersNow()).toBe(before + 2);
	});

	it('should count a batch of visits written to the database', async () => {
		process.env.METRICS_TOKEN = TOKEN;
		const flushes = async () => sample(String((await scrape(`Bearer ${TOKEN}`)).body), 'ecrav_visit_batch_flushes_total{result="ok"}');
		const before = await flushes();
		await ctx.services.visits.flush(); // nothing waiting: no batch
		expect(await flushes()).toBe(before);
		ctx.services.visits.recordView({ address: '203.0.113.9', userAgent: 'Mozilla/5.0 (Linux; Android 13)', page: { community: 'cigadung', shop: 'ketempling-jj', product: null }, source: null, ownShopIds: [] });
		await ctx.services.visits.flush();
		expect(await flushes()).toBe(before + 1);
		const rows = await ctx.database.db.selectFrom('visit_daily').select((eb) => eb.fn.sum<number>('views').as('n')).executeTakeFirst();
		expect(Number(rows?.n)).toBeGreaterThanOrEqual(1);
	});
});
