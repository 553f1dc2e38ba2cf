import { error } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { requireUser } from '$lib/server/auth/guards';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { translator } from '$lib/i18n';
import { posterPdf } from '$lib/server/documents/poster';
import { catalogPdf } from '$lib/server/documents/catalog-pdf';
import { printedOrigin } from '$lib/server/promo/origin';
import type { RequestHandler } from './$types';

const POSTERS = { 'poster-a4.pdf': 'A4', 'poster-a6.pdf': 'A6' } as const;

/**
 * The shop's printed promotion (issue 10 item 4): `poster-a4.pdf`, `poster-a6.pdf` and `katalog.pdf`. For the shop's
 * seller, and for its community's coordinator or facilitator with `?toko=`; anyone else gets 404 (the service's rule).
 * Links inside start with the configured public origin and carry `?src=poster`. Printed in Bahasa Indonesia (for buyers).
 */
export const GET: RequestHandler = (event) =>
	pageLoad(event, async () => {
		const { locals, url, params } = event;
		const user = requireUser(locals.actor);
		const t = translator(locals.locale);
		// printed for the village's buyers: always in Bahasa Indonesia, whatever language the seller reads the site in
		const printed = translator('id');
		const shopId = requestedShopId(url, user) ?? '';
		const origin = printedOrigin(url);
		const headers = (name: string) => ({ 'content-type': 'application/pdf', 'content-disposition': `attachment; filename="${name}"`, 'cache-control': 'private, no-store', 'x-content-type-options': 'nosniff' });
		// own keys only: `'constructor' in POSTERS` is true (stop 20's CI: the fuzz's /jual/promosi/constructor → 500)
		if (Object.hasOwn(POSTERS, params.file)) {
			const size = POSTERS[params.file as keyof typeof POSTERS];
			const data = await locals.services.promo.poster(locals.actor, shopId, origin);
			const pdf = await posterPdf(data, size, printed);
			return new Response(new Uint8Array(pdf), { headers: headers(`poster-${data.shop.slug}-${size.toLowerCase()}.pdf`) });
		}
		if (params.file === 'katalog.pdf') {
			const data = await locals.services.promo.shopCatalog(locals.actor, shopId, origin);
			const pdf = await catalogPdf(data, printed, 'id');
			return new Response(new Uint8Array(pdf), { headers: headers(`katalog-${data.sections[0]?.shop.slug ?? 'toko'}.pdf`) });
		}
		error(404, { message: t('api.notFound') });
	});
