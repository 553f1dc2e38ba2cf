// The production server: SvelteKit's handler behind gzip compression (adapter-node sends HTML uncompressed), JSON
// logs, graceful shutdown, and with WEB_CONCURRENCY > 1 several worker processes sharing one port (Node's cluster).
import http from 'node:http';
import cluster from 'node:cluster';
import { randomBytes } from 'node:crypto';
import compression from 'compression';
import pino from 'pino';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
process.env.ORIGIN ||= `http://localhost:${port}`;
// adapter-node refuses bodies over 512 KB by default: a phone photo is 3–8 MB. Photos up to 15 MB are
// accepted (the image pipeline's rule); the headroom lets a larger one still arrive with the form's other
// fields, so the page can say "Foto terlalu besar" beside it and keep what was typed.
process.env.BODY_SIZE_LIMIT ||= '32M';

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];
const level = LEVELS.includes((process.env.LOG_LEVEL ?? '').toLowerCase()) ? process.env.LOG_LEVEL.toLowerCase() : 'info';
// the same line format as the app's logger (src/lib/server/observability/logger.ts)
const log = pino({ level, base: { pid: process.pid }, timestamp: pino.stdTimeFunctions.isoTime, formatters: { level: (label) => ({ level: label }) } });

/** How long in-flight requests may take to finish after SIGTERM (SHUTDOWN_GRACE_MS, default 10 s); then the rest are cut. */
const graceMs = Math.max(0, Number(process.env.SHUTDOWN_GRACE_MS) || 10_000);
const workers = Math.max(1, Math.min(64, Math.floor(Number(process.env.WEB_CONCURRENCY) || 1)));

if (cluster.isPrimary && workers > 1) await runPrimary();
else await serve();

/**
 * One worker process: SvelteKit's handler (importing it migrates the database and, on an empty one, seeds the
 * demo: hooks.server.ts `init`) behind compression and the security headers, then listen.
 */
async function serve() {
	const { handler } = await import('../build/handler.js');
	const { securityHeaders } = await import('../src/lib/server/web/security-headers.js');
	// Level 3, not zlib's default 6: for the 37 KB catalog page 0.21 instead of 0.5 ms CPU, for 7,170 instead of 6,696
	// bytes (+7 %) (bench/README.md). The page cache keeps its entries at level 6: they are compressed once.
	const compress = compression({ threshold: 1024, level: 3 });
	// adapter-node serves /_app/ scripts, styles and static files itself, before any SvelteKit hook runs: the
	// same security headers are set here first (pages and API responses set them again, with their own CSP).
	const headers = Object.entries(securityHeaders(process.env.ORIGIN));

	const server = http.createServer((req, res) => {
		for (const [k, v] of headers) res.setHeader(k, v);
		// A 304 says "your copy is still good", and the browser merges the 304's headers into that copy. SvelteKit's
		// 304 for a page carries no Content-Security-Policy, so the strict one set above would replace the page's
		// own and block its styles, images and scripts on every second visit: a 304 carries no CSP at all.
		const writeHead = res.writeHead;
		res.writeHead = function (status, ...rest) {
			if (status === 304) res.removeHeader('content-security-policy');
			return writeHead.call(this, status, ...rest);
		};
		// Stopping: this response is the connection's last, so a kept-alive client opens its next one elsewhere.
		if (stopping) res.setHeader('connection', 'close');
		compress(req, res, () => handler(req, res));
	});
	server.keepAliveTimeout = 65_000;
	server.listen(port, host, () => {
		log.info({ url: `http://${host === '0.0.0.0' ? 'localhost' : host}:${port}`, origin: process.env.ORIGIN, worker: cluster.isWorker ? cluster.worker.id : undefined }, 'listening');
	});

	/**
	 * Stops taking connections at once (new ones are refused), lets the requests in flight finish (up to
	 * SHUTDOWN_GRACE_MS), lets the app write what it keeps in memory (the last visit counts: BEFORE_EXIT in
	 * src/lib/server/app.ts), then exits 0; a hard stop 5 s after the grace period if anything hangs.
	 */
	let stopping = false;
	async function shutdown(signal) {
		if (stopping) return;
		stopping = true;
		const started = Date.now();
		log.info({ signal, graceMs }, 'stopping: no new connections, finishing requests in flight');
		setTimeout(() => {
			log.warn('hard stop: requests or shutdown hooks did not finish in time');
			process.exit(1);
		}, graceMs + 5000).unref();
		await new Promise((done) => {
			server.close(done);
			server.closeIdleConnections?.();
			// a connection that finished its request after close() is idle now: close it too
			const idle = setInterval(() => server.closeIdleConnections?.(), 100);
			idle.unref();
			setTimeout(() => {
				server.closeAllConnections?.();
				done();
			}, graceMs).unref();
		});
		const hooks = globalThis[Symbol.for('ecrav.beforeExit')] ?? [];
		await Promise.allSettled(hooks.map((hook) => hook()));
		log.info({ ms: Date.now() - started }, 'stopped');
		process.exit(0);
	}
	process.on('SIGTERM', () => void shutdown('SIGTERM'));
	process.on('SIGINT', () => void shutdown('SIGINT'));
	// a cluster worker is told to stop by its primary (the signal went to the primary)
	if (cluster.isWorker) process.on('message', (m) => m?.type === 'ecrav:stop' && void shutdown('primary'));
}

/**
 * The primary of WEB_CONCURRENCY workers: starts the first alone (it migrates the database and seeds the demo on
 * an empty one), then the others; restarts a worker that dies; answers workers' requests for the metrics of all
 * workers (/metrics); on SIGTERM tells every worker to stop gracefully and exits when they have.
 */
async function runPrimary() {
	const { AggregatorRegistry } = (await import('prom-client')).default;
	const aggregator = new AggregatorRegistry();
	let stopping = false;
	log.info({ workers }, 'starting workers');
	// Visitors are counted once a day by a hash under a salt that exists only in memory: the workers share one
	// random seed (never written anywhere) so a visitor whose requests reach two workers is one visitor.
	const visitSaltSeed = randomBytes(32).toString('hex');
	const fork = () => {
		const worker = cluster.fork({ ECRAV_VISIT_SALT_SEED: visitSaltSeed });
		worker.on('message', (m) => {
			if (m?.type !== 'ecrav:metrics-req') return;
			aggregator.clusterMetrics().then(
				(text) => worker.isConnected() && worker.send({ type: 'ecrav:metrics-res', id: m.id, text }),
				(e) => worker.isConnected() && worker.send({ type: 'ecrav:metrics-res', id: m.id, error: String(e?.message ?? e) })
			);
		});
		return worker;
	};
	const first = fork();
	const firstUp = await new Promise((resolve) => {
		first.once('listening', () => resolve(true));
		first.once('exit', () => resolve(false));
	});
	if (!firstUp) {
		log.fatal('the first worker exited before listening (see its error above)');
		process.exit(1);
	}
	let listening = 1;
	cluster.on('listening', () => {
		if (++listening === workers) log.info({ workers }, 'all workers listening');
	});
	for (let i = 1; i < workers; i++) fork();
	let restarts = 0;
	cluster.on('exit', (worker, code, signal) => {
		if (stopping) return;
		log.error({ worker: worker.id, code, signal }, 'worker exited; starting another');
		// a worker that keeps dying at start is not restarted in a tight loop
		setTimeout(fork, Math.min(10_000, 250 * 2 ** Math.min(restarts++, 6)));
	});
	const stop = (signal) => {
		if (stopping) return;
		stopping = true;
		log.info({ signal }, 'stopping workers');
		setTimeout(() => process.exit(1), graceMs + 8000).unref();
		for (const w of Object.values(cluster.workers ?? {})) w?.send({ type: 'ecrav:stop' });
		let failed = false;
		const check = () => {
			if (Object.keys(cluster.workers ?? {}).length === 0) {
				log.info('stopped');
				process.exit(failed ? 1 : 0);
			}
		};
		cluster.on('exit', (_w, code) => {
			if (code !== 0) failed = true;
			check();
		});
		check();
	};
	process.on('SIGTERM', () => stop('SIGTERM'));
	process.on('SIGINT', () => stop('SIGINT'));
}
