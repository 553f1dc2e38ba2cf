import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type RunningApp } from './harness';

let app: RunningApp;

beforeAll(async () => {
	app = await startApp();
}, 180_000);
afterAll(async () => {
	await app?.stop();
});

describe('form actions posted without a form body', () => {
	it.each(['/masuk', '/c/cigadung/keranjang?/pesan', '/jual/mulai/nama'])('should answer %s with a 4xx and a message in Bahasa Indonesia, never "Internal error"', async (path) => {
		for (const init of [{}, { headers: { 'content-type': 'application/json' }, body: '{"a":1}' }, { headers: { 'content-type': 'application/octet-stream' }, body: 'x' }]) {
			const res = await fetch(`${app.baseUrl}${path}`, { method: 'POST', redirect: 'manual', ...init, headers: { origin: app.baseUrl, accept: 'application/json', ...(init as { headers?: Record<string, string> }).headers } });
			expect(res.status, path).toBeGreaterThanOrEqual(400);
			expect(res.status, path).toBeLessThan(500);
			const text = await res.text();
			expect(text).not.toContain('Internal error');
			if (res.status !== 401 && res.status !== 403 && res.status !== 404) expect(text).toContain('Formulir tidak terbaca');
		}
	});
});
