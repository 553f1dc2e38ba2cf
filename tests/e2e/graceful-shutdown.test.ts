import { afterEach, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startApp, type RunningApp } from './harness';

/**
 * Issue 12 items 2 and 5: on SIGTERM the server refuses new connections at once, finishes the requests in flight,
 * and exits 0 — with one process and with WEB_CONCURRENCY=2 (Node's cluster), where /metrics sums every worker.
 */

let app: RunningApp | null = null;
afterEach(async () => {
	await app?.stop();
	app = null;
});

const exited = (a: RunningApp) => new Promise<{ code: number | null; signal: string | null }>((resolve) => a.child.once('exit', (code, signal) => resolve({ code, signal })));

/**
 * A login whose body arrives slowly, as from a phone on a bad connection: the headers and the first half are sent
 * now, the rest when `finish` is called. Resolves with the status and body once the server answers.
 */
function slowLogin(baseUrl: string) {
	const body = JSON.stringify({ login: 'jj@cigadung.test', password: 'demo-cigadung-2024' });
	const half = Math.floor(body.length / 2);
	const url = new URL('/api/v1/auth/login', baseUrl);
	let finish: () => void = () => {};
	const answer = new Promise<{ status: number; body: string }>((resolve, reject) => {
		const req = http.request({ host: url.hostname, port: url.port, path: url.pathname, method: 'POST', agent: false, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
			let text = '';
			res.on('data', (d) => (text += d));
			res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
		});
		req.on('error', reject);
		req.write(body.slice(0, half));
		finish = () => req.end(body.slice(half));
	});
	return { answer, finish: () => finish() };
}

/** Whether a new connection to the server is refused (nothing listens any more). */
async function refused(baseUrl: string): Promise<boolean> {
	try {
		await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
		return false;
	} catch (e) {
		return (e as { cause?: { code?: string } }).cause?.code === 'ECONNREFUSED';
	}
}

describe('graceful shutdown', () => {
	it('should finish a request in flight after SIGTERM, refuse new connections, and exit 0 within the grace period', async () => {
		app = await startApp({ SHUTDOWN_GRACE_MS: '8000' });
		const slow = slowLogin(app.baseUrl);
		await new Promise((r) => setTimeout(r, 300)); // the server has the headers: the request is in flight
		const exit = exited(app);
		const signalled = Date.now();
		app.child.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 500));
		expect(await refused(app.baseUrl)).toBe(true);
		slow.finish();
		const answer = await slow.answer;
		expect(answer.status).toBe(200);
		expect(JSON.parse(answer.body).token).toMatch(/^\S{20,}$/);
		const { code } = await exit;
		expect(code).toBe(0);
		const took = Date.now() - signalled;
		console.log(`graceful shutdown (1 process): exit 0 after ${took} ms, the slow request completed with ${answer.status}`);
		expect(took).toBeLessThan(8000);
		expect(app.output()).toMatch(/"msg":"stopped"/);
	});

	it('should serve from 2 worker processes (WEB_CONCURRENCY=2), sum their metrics, and stop them both with exit 0', async () => {
		const token = 'metrik-cluster-uji-1234567890';
		app = await startApp({ WEB_CONCURRENCY: '2', METRICS_TOKEN: token });
		// the first worker answers /healthz (it migrated the database); wait for the second too
		for (let waited = 0; !app.output().includes('"msg":"all workers listening"'); waited += 100) {
			if (waited > 60_000) throw new Error(`the second worker did not start:\n${app.output()}`);
			await new Promise((r) => setTimeout(r, 100));
		}
		const N = 40;
		await Promise.all(Array.from({ length: N }, () => fetch(`${app!.baseUrl}/c/cigadung/toko/ketempling-jj`, { headers: { connection: 'close' } }).then((r) => r.text())));
		await new Promise((r) => setTimeout(r, 300));
		const pids = new Set(
			app
				.output()
				.split('\n')
				.filter((l) => l.includes('"route":"/(store)/c/[community]/toko/[shop]"'))
				.map((l) => JSON.parse(l).pid)
		);
		expect(pids.size).toBe(2);
		// every scrape sees all N requests, whichever worker answers it
		for (let i = 0; i < 3; i++) {
			const text = await (await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${token}`, connection: 'close' } })).text();
			const count = Number(/^ecrav_http_request_duration_seconds_count\{route="\/\(store\)\/c\/\[community\]\/toko\/\[shop\]",method="GET",status="2xx"\} (\d+)/m.exec(text)?.[1]);
			expect(count).toBe(N);
		}
		const slow = slowLogin(app.baseUrl);
		await new Promise((r) => setTimeout(r, 300));
		const exit = exited(app);
		const signalled = Date.now();
		app.child.kill('SIGTERM');
		await new Promise((r) => setTimeout(r, 500));
		expect(await refused(app.baseUrl)).toBe(true);
		slow.finish();
		expect((await slow.answer).status).toBe(200);
		expect((await exit).code).toBe(0);
		console.log(`graceful shutdown (2 workers): exit 0 after ${Date.now() - signalled} ms; ${N} requests served by pids ${[...pids].join(', ')}`);
	});
});
