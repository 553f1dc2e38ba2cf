import { z } from 'zod';

const slug = z.string().trim().max(80).regex(/^[a-z0-9-]*$/);

/** Query of the catalog page and of GET /api/v1/communities/{slug}/products: one schema for both. */
export const catalogQuerySchema = z.object({
	q: z.string().max(100).optional().default(''),
	category: slug.optional().default(''),
	shop: slug.optional().default(''),
	sort: z.enum(['relevance', 'newest', 'cheapest']).optional(),
	page: z.coerce.number().int().min(1).max(10_000).optional().default(1),
	perPage: z.coerce.number().int().min(1).max(100).optional().default(24)
});

export type CatalogQuery = z.infer<typeof catalogQuerySchema>;

/** URLSearchParams → plain object; empty strings count as "not given" so `?page=` does not fail. */
export function searchParamsObject(params: URLSearchParams, keys: readonly string[]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const k of keys) {
		const v = params.get(k);
		if (v !== null && v !== '') out[k] = v;
	}
	return out;
}
