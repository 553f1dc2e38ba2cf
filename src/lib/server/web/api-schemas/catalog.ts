import { z } from 'zod';
import { CATEGORY_SLUGS } from '../../../categories';
import { listOf, rupiah, url } from './json-schema';

/** What the public catalog endpoints answer (communities, their products and shops): the routes under /communities. */

export const communityList = listOf(
	z.object({
		slug: z.string(),
		name: z.string(),
		regionCode: z.string().meta({ description: 'Kemendagri code of its kelurahan/desa' }),
		kind: z.enum(['kelurahan', 'desa']),
		district: z.string(),
		regency: z.string(),
		province: z.string(),
		groupName: z.string().nullable(),
		isDemo: z.boolean(),
		shopCount: z.int().min(0),
		productCount: z.int().min(0),
		url: url.meta({ description: 'The community catalog page' })
	})
);

const shopRef = z.object({ slug: z.string(), name: z.string() });

export const productSearchPage = z.object({
	data: z.array(
		z.object({
			id: z.string(),
			slug: z.string(),
			name: z.string(),
			price: rupiah.meta({ description: 'The cheapest choice (with variants, the cheapest variant)' }),
			priceMax: rupiah.meta({ description: 'The dearest choice; above price when variant prices differ ("mulai")' }),
			unit: z.string(),
			category: z.enum(CATEGORY_SLUGS),
			available: z.boolean(),
			madeToOrder: z.boolean(),
			imageUrl: url.nullable(),
			url,
			shop: shopRef
		})
	),
	page: z.object({ number: z.int().min(1), size: z.int().min(1), total: z.int().min(0) }),
	suggestions: z.array(z.string()).optional().meta({ description: 'Spelling suggestions when the search found little' })
});

export const shopList = listOf(
	z.object({
		slug: z.string(),
		name: z.string(),
		businessType: z.string(),
		area: z.string().nullable(),
		productCount: z.int().min(0),
		url
	})
);

export const shopDetail = z.object({
	data: z.object({
		slug: z.string(),
		name: z.string(),
		businessType: z.string(),
		area: z.string().nullable(),
		story: z.string(),
		whatsapp: z.string().meta({ description: 'E.164 digits without +' }),
		logoUrl: url.nullable().meta({ description: 'Square logo (300 px WebP), null when the seller has none' }),
		pickupPoint: z.string().nullable().meta({ description: 'Tempat ambil: where buyers pick up orders' }),
		openingHours: z.string().nullable().meta({ description: 'Jam buka, as the seller wrote it' }),
		url,
		products: z.array(z.object({ id: z.string(), slug: z.string(), name: z.string(), price: rupiah, unit: z.string(), url }))
	})
});
