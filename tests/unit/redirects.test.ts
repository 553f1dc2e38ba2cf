import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '../../src/lib/server/web/redirects';

const ORIGIN = 'https://ecrav.example';

describe(safeReturnPath.name, () => {
	it.each([
		'/\t/evil.example',
		'/\\evil.example',
		'\\\\evil.example',
		'//evil.example',
		'///evil.example',
		'/%2F/evil.example',
		'/%2f%2fevil.example',
		'%2F%2Fevil.example',
		'/%5C/evil.example',
		'/%5c%5cevil.example',
		'/%252F/evil.example',
		'/\r\nSet-Cookie: x=1',
		'/\nevil',
		'/\u3000/evil.example',
		'/\u00a0/evil.example',
		'https://evil.example/',
		'http:evil.example',
		'javascript:alert(1)',
		' /jual',
		'jual',
		'/%E0%A4%A',
		// dot segments that resolve to `//host` (attacker review, stop 9)
		'/x/..//evil.example/masuk',
		'/x/../\\evil.example',
		'/.%2e/%2e%2e//evil.com',
		'/%2e%2e//evil.com',
		'/a/b/../..//evil.com',
		'/./..//evil.com',
		'/x/%2E%2E//evil.com?x=1',
		'/en//evil.test',
		'/en///evil.test?x=1',
		'/en/%2F%2Fevil.test',
		'/c//evil.test',
		'',
		'/' + 'a'.repeat(3000),
		null,
		undefined
	])('should send %j home', (value) => {
		expect(safeReturnPath(value, '/', ORIGIN)).toBe('/');
	});

	it.each([
		['/jual', '/jual'],
		['/jual?toko=shop_1', '/jual?toko=shop_1'],
		['/c/cigadung?q=keripik%20pedas#hasil', '/c/cigadung?q=keripik%20pedas#hasil'],
		['/c/désa', '/c/d%C3%A9sa'],
		['/jual/../masuk', '/masuk']
	])('should keep the same-origin path %j', (value, expected) => {
		expect(safeReturnPath(value, '/', ORIGIN)).toBe(expected);
	});
});

describe('the language switch (/bahasa)', () => {
	// attacker 2026-12-03: '/en//evil.test' passed as a local path and the switch to Indonesian took '/en' off, answering
	// 'Location: //evil.test' — another host to a browser
	it.each(['/en//evil.test', '/en///evil.test', '/en//evil.test?x=1', '//evil.test', '/en/%2F%2Fevil.test'])('should send %j home in either language', async (kembali) => {
		const { GET } = await import('../../src/routes/bahasa/+server');
		for (const ke of ['id', 'en']) {
			const url = new URL(`http://localhost/bahasa?${new URLSearchParams({ ke, kembali })}`);
			const thrown = await Promise.resolve()
				.then(() => GET({ url, cookies: { set: () => {} } } as never))
				.catch((e: unknown) => e);
			const location = (thrown as { location?: string }).location;
			expect(location, `${ke} ${kembali}`).toBe('/');
		}
	});

	it('should return to a store page in the chosen language', async () => {
		const { GET } = await import('../../src/routes/bahasa/+server');
		const to = async (ke: string, kembali: string) =>
			((await Promise.resolve()
				.then(() => GET({ url: new URL(`http://localhost/bahasa?${new URLSearchParams({ ke, kembali })}`), cookies: { set: () => {} } } as never))
				.catch((e: unknown) => e)) as { location?: string }).location;
		expect(await to('en', '/c/cigadung?q=keripik')).toBe('/en/c/cigadung?q=keripik');
		expect(await to('id', '/en/c/cigadung')).toBe('/c/cigadung');
	});
});
