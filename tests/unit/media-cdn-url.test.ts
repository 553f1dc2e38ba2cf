import { describe, expect, it } from 'vitest';
import { mediaPublicBase, mediaUrl } from '../../src/lib/server/media/types';
import { withOrigin } from '../../src/lib/absolute-url';
import { allowImagesFrom } from '../../src/lib/server/web/security-headers.js';
import { loadMediaStorageConfig } from '../../src/lib/server/media/storage-config';

/** Issue 12 item 3: public photos on a CDN (MEDIA_PUBLIC_BASE_URL) in front of the app's /media/ path; private files never. */
describe('media URLs with and without a CDN', () => {
	const cdn = 'https://cdn.contoh.id/media';

	it('should keep /media/<key> without a CDN', () => {
		expect(mediaUrl('p/ab/0123456789abcdef01234567-large.webp', null)).toBe('/media/p/ab/0123456789abcdef01234567-large.webp');
		expect(mediaPublicBase({})).toBeNull();
	});

	it('should put public photos (p/…) on the CDN and never a receipt (r/…) or evidence (e/…)', () => {
		expect(mediaUrl('p/ab/0123456789abcdef01234567-large.webp', cdn)).toBe('https://cdn.contoh.id/media/p/ab/0123456789abcdef01234567-large.webp');
		expect(mediaUrl('r/ab/0123456789abcdef01234567-large.webp', cdn)).toBe('/media/r/ab/0123456789abcdef01234567-large.webp');
		expect(mediaUrl('e/ab/0123456789abcdef01234567.pdf', cdn)).toBe('/media/e/ab/0123456789abcdef01234567.pdf');
	});

	it('should read MEDIA_PUBLIC_BASE_URL without its trailing slash, and ignore (start: refuse) one that is not a bare address', () => {
		expect(mediaPublicBase({ MEDIA_PUBLIC_BASE_URL: ' https://cdn.contoh.id/media/ ' })).toBe(cdn);
		expect(mediaPublicBase({ MEDIA_PUBLIC_BASE_URL: 'http://127.0.0.1:8080' })).toBe('http://127.0.0.1:8080');
		for (const bad of ['cdn.contoh.id', 'javascript:alert(1)', 'https://cdn.contoh.id/media?x=1', 'https://cdn.contoh.id/#a', 'https://user@cdn.contoh.id', '//cdn.contoh.id']) {
			expect(mediaPublicBase({ MEDIA_PUBLIC_BASE_URL: bad }), bad).toBeNull();
			expect(() => loadMediaStorageConfig('/srv/ecrav', { MEDIA_PUBLIC_BASE_URL: bad }), bad).toThrow(/MEDIA_PUBLIC_BASE_URL/);
		}
		expect(loadMediaStorageConfig('/srv/ecrav', { MEDIA_PUBLIC_BASE_URL: cdn })).toEqual({ kind: 'filesystem', root: '/srv/ecrav/media' });
	});

	it('should make absolute URLs from our paths and leave CDN URLs as they are', () => {
		expect(withOrigin('https://ecrav.contoh.id/', '/media/p/x.webp')).toBe('https://ecrav.contoh.id/media/p/x.webp');
		expect(withOrigin('https://ecrav.contoh.id', 'https://cdn.contoh.id/media/p/x.webp')).toBe('https://cdn.contoh.id/media/p/x.webp');
	});

	it('should let pages load images from the CDN origin, changing only img-src, once', () => {
		const csp = "default-src 'self'; img-src 'self' data:; script-src 'self' 'sha256-abc'";
		const once = allowImagesFrom(csp, 'https://cdn.contoh.id');
		expect(once).toBe("default-src 'self'; img-src 'self' data: https://cdn.contoh.id; script-src 'self' 'sha256-abc'");
		expect(allowImagesFrom(once, 'https://cdn.contoh.id')).toBe(once);
		expect(allowImagesFrom("default-src 'none'", 'https://cdn.contoh.id')).toBe("default-src 'none'");
	});
});
