// The production server: SvelteKit's handler behind gzip compression (adapter-node sends HTML uncompressed).
import http from 'node:http';
import compression from 'compression';

const port = Number(process.env.PORT || 3000);
const host = process.env.HOST || '0.0.0.0';
process.env.ORIGIN ||= `http://localhost:${port}`;
// adapter-node refuses bodies over 512 KB by default: a phone photo is 3–8 MB. Photos up to 15 MB are
// accepted (the image pipeline's rule); the headroom lets a larger one still arrive with the form's other
// fields, so the page can say "Foto terlalu besar" beside it and keep what was typed.
process.env.BODY_SIZE_LIMIT ||= '32M';

const { handler } = await import('../build/handler.js');
const { securityHeaders } = await import('../src/lib/server/web/security-headers.js');
const compress = compression({ threshold: 1024 });
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
	compress(req, res, () => handler(req, res));
});
server.keepAliveTimeout = 65_000;
server.listen(port, host, () => {
	console.log(`[ecrav] listening on http://${host === '0.0.0.0' ? 'localhost' : host}:${port} (ORIGIN ${process.env.ORIGIN})`);
});

/**
 * Stops taking requests, gives the ones in flight up to 3 s, lets the app write what it keeps in memory (the last
 * visit counts: BEFORE_EXIT in src/lib/server/app.ts), then exits; 8 s at most in all.
 */
let stopping = false;
async function shutdown() {
	if (stopping) return;
	stopping = true;
	setTimeout(() => process.exit(0), 8000).unref();
	await new Promise((done) => {
		server.close(done);
		server.closeIdleConnections?.();
		setTimeout(done, 3000).unref();
	});
	const hooks = globalThis[Symbol.for('ecrav.beforeExit')] ?? [];
	await Promise.allSettled(hooks.map((hook) => hook()));
	process.exit(0);
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
