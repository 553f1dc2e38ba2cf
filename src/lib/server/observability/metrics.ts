import cluster from 'node:cluster';
import { AggregatorRegistry, Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/**
 * The process's Prometheus metrics (served at /metrics to whoever holds METRICS_TOKEN). Labels are closed sets —
 * route ids, methods, status classes — never URLs or ids, so the number of series stays bounded.
 */
export const registry = new Registry();
collectDefaultMetrics({ register: registry, prefix: 'ecrav_' });
// In a cluster worker (scripts/server.js, WEB_CONCURRENCY > 1) the primary asks each worker for this registry:
// constructing an AggregatorRegistry is what makes prom-client answer those requests.
if (cluster.isWorker) {
	AggregatorRegistry.setRegistries([registry]);
	void new AggregatorRegistry();
}

export const httpDuration = new Histogram({
	name: 'ecrav_http_request_duration_seconds',
	help: 'Time to the response headers, by route id (unmatched paths: "none"), method and status class',
	labelNames: ['route', 'method', 'status'] as const,
	buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
	registers: [registry]
});

export const httpErrors = new Counter({
	name: 'ecrav_http_server_errors_total',
	help: 'Responses with a 5xx status (a 500 is always a bug; 503 is busy or not ready), by route id and status',
	labelNames: ['route', 'status'] as const,
	registers: [registry]
});

export const ordersPlaced = new Counter({
	name: 'ecrav_orders_placed_total',
	help: 'Orders placed (one per shop of a checkout; replays of the same checkout are not counted again)',
	registers: [registry]
});

export const pageCacheLookups = new Counter({
	name: 'ecrav_page_cache_lookups_total',
	help: 'Public pages and API reads looked up in the in-memory page cache: result hit or miss',
	labelNames: ['result'] as const,
	registers: [registry]
});

export const visitFlushes = new Counter({
	name: 'ecrav_visit_batch_flushes_total',
	help: 'Batches of counted visits written to the database (result ok) or kept for the next flush (result failed)',
	labelNames: ['result'] as const,
	registers: [registry]
});

const ROUTE_METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);

/** Counts one handled request. The method label is one of the HTTP methods or OTHER (a client may send anything). */
export function observeRequest(route: string | null, method: string, status: number, seconds: number): void {
	const m = ROUTE_METHODS.has(method) ? method : 'OTHER';
	const r = route ?? 'none';
	httpDuration.observe({ route: r, method: m, status: `${Math.floor(status / 100)}xx` }, seconds);
	if (status >= 500) httpErrors.inc({ route: r, status: String(status) });
}
