import cluster from 'node:cluster';
import { createHash, randomUUID, timingSafeEqual } from 'node:crypto';
import { registry } from './metrics';

/**
 * Whether an Authorization header carries exactly `Bearer <expected>`. Compared in constant time (both sides hashed
 * to the same length first), so the time taken says nothing about how much of a guess was right. No expected token
 * (METRICS_TOKEN unset): never.
 */
export function bearerMatches(header: string | null, expected: string | null): boolean {
	if (!expected) return false;
	const given = /^Bearer\s+(\S+)$/i.exec(header ?? '')?.[1];
	if (!given) return false;
	const a = createHash('sha256').update(given).digest();
	const b = createHash('sha256').update(expected).digest();
	return timingSafeEqual(a, b);
}

/**
 * The metrics in Prometheus's text format: this process's, or — in a worker of scripts/server.js's cluster
 * (WEB_CONCURRENCY > 1) — every worker's, summed by the primary (prom-client's AggregatorRegistry), so one scrape
 * through the shared port sees the whole installation instead of whichever worker answered.
 */
export async function metricsText(): Promise<{ text: string; contentType: string }> {
	if (!cluster.isWorker || !process.send) return { text: await registry.metrics(), contentType: registry.contentType };
	const id = randomUUID();
	const text = await new Promise<string>((resolve, reject) => {
		const timer = setTimeout(() => done(new Error('the primary did not answer with the metrics')), 6000);
		function done(error: Error | null, value = '') {
			clearTimeout(timer);
			process.off('message', onMessage);
			if (error) reject(error);
			else resolve(value);
		}
		function onMessage(m: unknown) {
			const reply = m as { type?: string; id?: string; text?: string; error?: string };
			if (reply?.type !== 'ecrav:metrics-res' || reply.id !== id) return;
			done(reply.error ? new Error(reply.error) : null, reply.text ?? '');
		}
		process.on('message', onMessage);
		process.send!({ type: 'ecrav:metrics-req', id });
	});
	return { text, contentType: registry.contentType };
}
