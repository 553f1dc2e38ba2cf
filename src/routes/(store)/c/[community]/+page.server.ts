import { pageLoad } from '$lib/server/http';
import { renderOnly } from '$lib/render-only';
import { searchParamsObject } from '$lib/validation/catalog';
import { CATEGORY_SLUGS } from '$lib/categories';
import { printedOrigin } from '$lib/server/promo/origin';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { community } = await event.parent();
		const { services, actor } = event.locals;
		const query = searchParamsObject(event.url.searchParams, ['q', 'category', 'shop', 'sort', 'page']);
		const [result, counts, shops] = await Promise.all([
			services.catalog.listProducts(actor, community, query),
			services.catalog.categoryCounts(actor, community),
			services.shops.listByCommunity(actor, community)
		]);
		// Read only by the server render (csr = false): not serialized for a browser (render-only.ts).
		return renderOnly({
			result,
			categories: CATEGORY_SLUGS.filter((slug) => (counts.get(slug) ?? 0) > 0).map((slug) => ({ slug, count: counts.get(slug) ?? 0 })),
			shops: shops.filter((s) => s.product_count > 0).map((s) => ({ slug: s.slug, name: s.name })),
			origin: printedOrigin(event.url)
		});
	});
