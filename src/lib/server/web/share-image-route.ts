import type { RequestEvent } from '@sveltejs/kit';
import { pageLoad } from '../http';
import { shopOrRedirect } from './shop-slug';
import { SHARE_FILES } from '../share/share-links';
import type { ShareFormat } from '../media/share-types';

type Event = RequestEvent<{ community: string; shop: string; product: string }>;

/**
 * GET `/c/{community}/toko/{shop}/{product}/bagikan.jpg` (1200×630, the page's og:image) and `…/status.jpg`
 * (1080×1080 for a WhatsApp status; `?unduh=1` downloads it). The page links them with `?v={version}`: when that is
 * the current version the response never changes, so it is cached for a year; any other (or none) gets the
 * current image with a short cache, so an old link still shows the product as it is now. An unpublished or
 * archived product → 404.
 */
export function shareImageHandler(format: ShareFormat) {
	return (event: Event): Promise<Response> =>
		pageLoad(event, async () => {
			const { services, actor } = event.locals;
			const community = await services.communities.getBySlug(actor, event.params.community);
			const shop = await shopOrRedirect(event, community, event.params.shop, `/${encodeURIComponent(event.params.product)}/${SHARE_FILES[format]}`);
			const { data, version } = await services.share.image(actor, community, shop, event.params.product, format);
			const etag = `"${version}"`;
			const current = event.url.searchParams.get('v') === version;
			const headers: Record<string, string> = {
				'content-type': 'image/jpeg',
				'cache-control': current ? 'public, max-age=31536000, immutable' : 'public, max-age=300',
				etag
			};
			if (format === 'status' && event.url.searchParams.has('unduh')) {
				headers['content-disposition'] = `attachment; filename="${event.params.product.replace(/[^a-z0-9-]/gi, '').slice(0, 60) || 'produk'}-status-wa.jpg"`;
			}
			if (event.request.headers.get('if-none-match') === etag) return new Response(null, { status: 304, headers });
			return new Response(new Uint8Array(data), { headers: { ...headers, 'content-length': String(data.length) } });
		});
}
