import { describe, expect, it } from 'vitest';
import { breadcrumbList, localBusiness } from '../../src/lib/utils/structured-data';
import { jsonLdScript } from '../../src/lib/utils/json-ld';

const community = { name: 'Cigadung', kind: 'kelurahan', district: 'Cibeunying Kaler', regency: 'Kota Bandung', province: 'Jawa Barat' };

describe('localBusiness', () => {
	it("should give the region as the address, with the seller's area first", () => {
		const b = localBusiness({ name: 'Toko Ani', url: 'https://x.example/c/cigadung/toko/ani', area: 'RW 05', community });
		expect(b.address).toEqual({ '@type': 'PostalAddress', streetAddress: 'RW 05, Kelurahan Cigadung, Kec. Cibeunying Kaler', addressLocality: 'Kota Bandung', addressRegion: 'Jawa Barat', addressCountry: 'ID' });
	});

	it('should leave out a telephone, image or description that is not given', () => {
		const b = localBusiness({ name: 'Toko Ani', url: 'https://x.example/t', description: '  ', community });
		expect(Object.keys(b)).not.toContain('telephone');
		expect(Object.keys(b)).not.toContain('image');
		expect(Object.keys(b)).not.toContain('description');
		expect(localBusiness({ name: 'A', url: 'u', telephone: '+6281234567890', community }).telephone).toBe('+6281234567890');
	});

	it('should keep a hostile shop name inside its script element', () => {
		const html = jsonLdScript(localBusiness({ name: '</script><script>alert(1)</script>&', url: 'u', community }));
		expect(html.match(/<\/script>/g)).toHaveLength(1);
		expect(JSON.parse(html.slice(html.indexOf('>') + 1, html.lastIndexOf('<'))).name).toBe('</script><script>alert(1)</script>&');
	});
});

describe('breadcrumbList', () => {
	it('should number the crumbs from 1 in order', () => {
		expect(breadcrumbList([{ name: 'A', url: 'a' }, { name: 'B', url: 'b' }]).itemListElement).toEqual([
			{ '@type': 'ListItem', position: 1, name: 'A', item: 'a' },
			{ '@type': 'ListItem', position: 2, name: 'B', item: 'b' }
		]);
	});
});
