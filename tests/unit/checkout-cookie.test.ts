import { describe, expect, it } from 'vitest';
import type { Cookies } from '@sveltejs/kit';
import { CHECKOUT_COOKIE, clearCheckout, readCheckout, writeCheckout } from '../../src/lib/server/web/checkout-cookie';

function jar(): Cookies & { store: Map<string, string> } {
	const store = new Map<string, string>();
	return {
		store,
		get: (n: string) => store.get(n),
		set: (n: string, v: string) => void store.set(n, v),
		delete: (n: string) => void store.delete(n)
	} as unknown as Cookies & { store: Map<string, string> };
}

const form = (entries: Record<string, string>) => {
	const f = new FormData();
	for (const [k, v] of Object.entries(entries)) f.append(k, v);
	return f;
};

describe('checkout cookie', () => {
	it('should keep only checkout fields, for its own community only, and clear them', () => {
		const c = jar();
		writeCheckout(c, 'cigadung', form({ 'shop.sambal-mt.delivery': 'local', 'shop.sambal-mt.note': 'Pedas', name: 'Siti', whatsapp: '0812', 'qty.x.': '3', idem: 'abc', 'shop.X Y.note': 'no' }), false);
		expect(readCheckout(c, 'cigadung')).toEqual({ 'shop.sambal-mt.delivery': 'local', 'shop.sambal-mt.note': 'Pedas', name: 'Siti', whatsapp: '0812' });
		expect(readCheckout(c, 'lain')).toEqual({});
		clearCheckout(c);
		expect(c.store.has(CHECKOUT_COOKIE)).toBe(false);
	});

	it('should stay under 4 KB encoded with long non-Latin texts in many shops, and ignore a forged cookie', () => {
		const c = jar();
		const entries: Record<string, string> = { name: 'Siti' };
		for (let i = 0; i < 10; i++) entries[`shop.toko-${i}.note`] = 'ꦱꦩ꧀ꦧꦭ꧀'.repeat(200);
		writeCheckout(c, 'cigadung', form(entries), false);
		const raw = c.store.get(CHECKOUT_COOKIE) ?? '';
		expect(encodeURIComponent(raw).length).toBeLessThan(4000);
		expect(readCheckout(c, 'cigadung').name).toBe('Siti');
		c.store.set(CHECKOUT_COOKIE, JSON.stringify({ c: 'cigadung', v: { name: 'x'.repeat(900), evil: 'y', 'shop.a.note': 5 } }));
		expect(readCheckout(c, 'cigadung')).toEqual({ name: 'x'.repeat(80) });
		c.store.set(CHECKOUT_COOKIE, '{not json');
		expect(readCheckout(c, 'cigadung')).toEqual({});
	});
});
