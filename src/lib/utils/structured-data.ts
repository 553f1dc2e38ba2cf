/**
 * schema.org structured data for public pages, as plain objects for `jsonLdScript` (which escapes them for HTML).
 * Pure and isomorphic: pages build them from what they already show, so the data never says more than the page.
 */

export interface Crumb {
	name: string;
	/** Absolute URL. */
	url: string;
}

/** `BreadcrumbList`: where a page sits (community › shop › product), positions from 1. */
export function breadcrumbList(crumbs: readonly Crumb[]) {
	return {
		'@context': 'https://schema.org',
		'@type': 'BreadcrumbList',
		itemListElement: crumbs.map((c, i) => ({ '@type': 'ListItem', position: i + 1, name: c.name, item: c.url }))
	};
}

export interface BusinessInput {
	name: string;
	/** Absolute URL of the shop page. */
	url: string;
	description?: string | null;
	/** Absolute URL of the logo (or a product photo). */
	image?: string | null;
	/** E.164 with `+`; give it only when the page itself shows the number. */
	telephone?: string | null;
	/** The seller's own words for where the shop is (RT/RW, street), if given. */
	area?: string | null;
	community: { name: string; kind: string; district: string; regency: string; province: string };
}

const KIND_WORD: Record<string, string> = { kelurahan: 'Kelurahan', desa: 'Desa' };

/**
 * `LocalBusiness` for a shop page: the address is the community's region (kelurahan/desa, kecamatan, kabupaten/kota,
 * province, Indonesia) with the seller's own area first; a shop has no street address of its own in E-Crav.
 */
export function localBusiness(b: BusinessInput) {
	const c = b.community;
	const street = [b.area?.trim(), `${KIND_WORD[c.kind] ?? ''} ${c.name}`.trim(), `Kec. ${c.district}`].filter(Boolean).join(', ');
	return {
		'@context': 'https://schema.org',
		'@type': 'LocalBusiness',
		name: b.name,
		url: b.url,
		...(b.description?.trim() ? { description: b.description.trim() } : {}),
		...(b.image ? { image: b.image } : {}),
		...(b.telephone ? { telephone: b.telephone } : {}),
		address: { '@type': 'PostalAddress', streetAddress: street, addressLocality: c.regency, addressRegion: c.province, addressCountry: 'ID' }
	};
}
