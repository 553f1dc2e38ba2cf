import { describe, expect, it } from 'vitest';
import { apiMethodNotAllowed } from '../../src/lib/server/http';

/**
 * SvelteKit answers a method a +server.ts does not export (DELETE /api/v1/regions) with a plain-text 405
 * ("DELETE method not allowed") and an Allow header; the API answers it in its own error shape, keeping Allow.
 */
const svelteKit405 = () => new Response('DELETE method not allowed', { status: 405, headers: { allow: 'GET, HEAD, OPTIONS', 'content-type': 'text/plain;charset=UTF-8' } });

describe('apiMethodNotAllowed', () => {
	it('should answer 405 as { error: { code, message } } with the Allow header, in the caller’s language', async () => {
		const r = await apiMethodNotAllowed(svelteKit405(), 'DELETE', 'id');
		expect(r.status).toBe(405);
		expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
		expect(r.headers.get('content-type')).toMatch(/^application\/json/);
		expect(await r.json()).toEqual({ error: { code: 'method_not_allowed', message: 'Metode DELETE tidak bisa dipakai di alamat ini. Yang bisa: GET, HEAD, OPTIONS.' } });
		const en = await (await apiMethodNotAllowed(svelteKit405(), 'DELETE', 'en')).json();
		expect(en.error.message).toBe('DELETE is not allowed here. Allowed: GET, HEAD, OPTIONS.');
	});

	it('should leave every other answer as it is', async () => {
		const ok = Response.json({ data: [] });
		expect(await apiMethodNotAllowed(ok, 'GET', 'id')).toBe(ok);
	});
});
