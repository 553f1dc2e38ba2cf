import { z } from 'zod';
import { CATEGORY_SLUGS } from '../../../categories';
import { instant, listOf, rupiah, url } from './json-schema';

/** What the seller's own endpoints answer: sign-in, their shops, their products and photos. */

export const loginResult = z.object({
	token: z.string().meta({ description: 'Send as `Authorization: Bearer <token>`; stored hashed' }),
	expiresAt: instant,
	user: z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()).meta({ description: 'coordinator, facilitator, seller (in any community)' }) })
});

export const myShops = listOf(z.object({ id: z.string(), slug: z.string(), name: z.string(), communityId: z.string(), onboardingStep: z.int().min(0) }));

/** A product as its seller manages it (productJson in api-body.ts). */
export const sellerProduct = z.object({
	id: z.string(),
	slug: z.string(),
	shopId: z.string(),
	name: z.string(),
	categorySlug: z.enum(CATEGORY_SLUGS),
	category: z.enum(CATEGORY_SLUGS).meta({ description: 'Same as categorySlug (older clients read this)' }),
	price: rupiah,
	unit: z.string(),
	stock: z.int().nullable().meta({ description: 'null: not counted' }),
	madeToOrder: z.boolean(),
	leadTimeDays: z.int().min(0),
	available: z.boolean().meta({ description: 'Can be ordered now (in stock, or made to order)' }),
	weightGrams: z.int().nullable(),
	description: z.string(),
	shelfLife: z.string().nullable(),
	ingredients: z.string().nullable(),
	pirt: z.string().nullable(),
	halal: z.string().nullable(),
	bpom: z.string().nullable(),
	variantTitle: z.string().nullable(),
	status: z.enum(['draft', 'published', 'archived']),
	published: z.boolean()
});

export const sellerProductList = listOf(sellerProduct.extend({ qualityScore: z.int().min(0).max(100) }));

const image = z.object({ src: z.string(), srcset: z.string(), width: z.int(), height: z.int() }).meta({ description: 'Paths on this server (prefix the origin)' });

export const productDetail = sellerProduct.extend({
	variants: z.array(z.object({ id: z.string(), product_id: z.string(), label: z.string(), price: rupiah, stock: z.int().nullable(), position: z.int() })),
	quality: z.object({
		score: z.int().min(0).max(100),
		tips: z.array(z.object({ code: z.string(), messageKey: z.string().meta({ description: 'Message catalogue key of the tip' }), points: z.int() }))
	}),
	photos: z.array(z.object({ id: z.string(), position: z.int(), image: image.nullable(), thumb: image.nullable(), hints: z.array(z.string()) }))
});

export const photoUpload = z.object({
	id: z.string(),
	variants: z.array(z.object({ name: z.string(), width: z.int().min(1), height: z.int().min(1), url, bytes: z.int().min(0) })),
	hints: z.array(z.object({ code: z.enum(['too_dark', 'blurry', 'too_small', 'not_square']), message: z.string() })).meta({ description: 'Plain-words coaching for a better photo' })
});

const SHOPEE_PROBLEMS = ['name_short', 'name_long', 'description_html', 'description_short', 'description_long', 'price_low', 'price_high', 'no_photo', 'no_weight', 'no_stock', 'variation_name_missing', 'variation_name_long', 'option_long', 'too_many_variants'] as const;

/** The Shopee export asked with `Accept: application/json`: what would go into the file and what is left out. */
export const shopeeSkipped = z.object({
	exported: z.int().min(0).meta({ description: 'Products that go into the file (a product with variants counts once)' }),
	skipped: z.array(
		z.object({
			productId: z.string(),
			name: z.string(),
			reasons: z.array(z.string()).meta({ description: 'What to fix, in the language of Accept-Language (Bahasa Indonesia by default)' }),
			codes: z.array(z.enum(SHOPEE_PROBLEMS))
		})
	)
});
