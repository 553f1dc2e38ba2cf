import { describe, expect, it } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { guardFormBody } from '../../src/lib/server/web/form-body';
import { cacheableCommunity, mayShareCache } from '../../src/lib/server/cache/page-cache';

async function status(p: Promise<unknown>): Promise<number | 'ok'> {
	try {
		await p;
		return 'ok';
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
}

describe(guardFormBody.name, () => {
	it('should turn a text/plain or broken multipart form body into a 400, and read a good one', async () => {
		const plain = new Request('http://x/masuk', { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'login=a&password=b' });
		guardFormBody(plain, 'Formulir tidak terbaca.');
		expect(await status(plain.formData())).toBe(400);
		const broken = new Request('http://x/masuk', { method: 'POST', headers: { 'content-type': 'multipart/form-data; boundary=zz' }, body: '--zz\r\nrusak' });
		guardFormBody(broken, 'Formulir tidak terbaca.');
		expect(await status(broken.formData())).toBe(400);
		const good = new Request('http://x/masuk', { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'login=a' });
		guardFormBody(good, 'x');
		expect((await good.formData()).get('login')).toBe('a');
	});
});

describe('page cache', () => {
	it('should cache only the public storefront, never staff API replies', () => {
		expect(cacheableCommunity('/c/cigadung')).toBe('cigadung');
		expect(cacheableCommunity('/api/v1/communities/cigadung/products')).toBe('cigadung');
		expect(cacheableCommunity('/api/v1/communities/cigadung/shops/ketempling-jj')).toBe('cigadung');
		expect(cacheableCommunity('/api/v1/communities/cigadung/programs')).toBeNull();
		expect(cacheableCommunity('/api/v1/communities/cigadung/trainings')).toBeNull();
	});

	it('should never share a request with a bearer token or a session cookie', () => {
		const anon = new Request('http://x/api/v1/communities/c/products');
		const bearer = new Request('http://x/api/v1/communities/c/products', { headers: { authorization: 'Bearer abc' } });
		expect(mayShareCache(anon, ['lang'])).toBe(true);
		expect(mayShareCache(bearer, [])).toBe(false);
		expect(mayShareCache(anon, ['ecrav_session'])).toBe(false);
	});
});
