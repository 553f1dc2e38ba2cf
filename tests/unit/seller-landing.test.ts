import { describe, expect, it } from 'vitest';
import { sellerLandingPath } from '../../src/lib/server/web/seller-landing';

describe('sellerLandingPath', () => {
	it('should send a seller who finished onboarding to their home, not to step 1', () => {
		expect(sellerLandingPath(7)).toBe('/jual');
		expect(sellerLandingPath(8)).toBe('/jual');
	});
	it('should resume a seller part-way at the first step not done', () => {
		expect(sellerLandingPath(0)).toBe('/jual/mulai/nama');
		expect(sellerLandingPath(2)).toBe('/jual/mulai/logo');
		expect(sellerLandingPath(6)).toBe('/jual/mulai/pembayaran');
	});
});
