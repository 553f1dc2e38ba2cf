import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import http from 'node:http';
import { startApp, type RunningApp } from './harness';

/**
 * Attacker finding (issue 11 review): an API body refused for its size (413, from Content-Length, unread) left the rest
 * of the body on the kept-alive connection, so the client's NEXT request on it hung ~66 s and was reset. A client that
 * reuses connections (every phone browser, Node fetch) must get its next answer at once.
 */
let app: RunningApp;
beforeAll(async () => {
	app = await startApp();
});
afterAll(async () => {
	await app?.stop();
});

function request(agent: http.Agent, method: string, path: string, body?: Buffer): Promise<{ status: number; connection: string | undefined; ms: number }> {
	const started = Date.now();
	return new Promise((resolve, reject) => {
		const req = http.request(new URL(path, app.baseUrl), { method, agent, headers: body ? { 'content-type': 'application/json', 'content-length': String(body.length) } : {}, timeout: 15_000 }, (res) => {
			res.resume();
			res.on('end', () => resolve({ status: res.statusCode ?? 0, connection: res.headers.connection, ms: Date.now() - started }));
		});
		req.on('timeout', () => req.destroy(new Error(`no answer within 15 s to ${method} ${path}`)));
		req.on('error', (e) => (e.message.startsWith('no answer') ? reject(e) : resolve({ status: -1, connection: undefined, ms: Date.now() - started })));
		if (body) req.write(body);
		req.end();
	});
}

describe('a refused request body on a kept-alive connection', () => {
	it('should close the connection with the 413, so the next request on the same client answers at once', async () => {
		const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
		const big = Buffer.from(JSON.stringify({ login: 'x@y.test', password: 'p', note: 'x'.repeat(3 * 1024 * 1024) }));
		const refused = await request(agent, 'POST', '/api/v1/auth/login', big);
		expect([413, -1]).toContain(refused.status);
		if (refused.status === 413) expect(refused.connection).toBe('close');
		for (let i = 0; i < 3; i++) {
			const next = await request(agent, 'GET', '/api/v1/openapi.json');
			expect(next.status).toBe(200);
			expect(next.ms).toBeLessThan(5_000);
		}
		agent.destroy();
	}, 60_000);
});
