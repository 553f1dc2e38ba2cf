import type { RequestEvent } from '@sveltejs/kit';
import { isBot, isPrefetch, sourceOf, storePageOf } from './visit-rules';
import type { VisitService } from './visit.service';

/**
 * The hook step that counts a look at a public store page (community catalog, shop, product): a GET answered 200 with
 * HTML, whether rendered now or served from the page cache, by a person (no known bot, no prefetch), and not the
 * seller looking at their own shop. Runs after the response is ready and only puts the view in memory (VisitService).
 */
export function countPageView(event: Pick<RequestEvent, 'request' | 'url' | 'locals' | 'getClientAddress' | 'isSubRequest'>, response: Response, visits: VisitService): void {
	if (!visits.enabled || event.request.method !== 'GET' || response.status !== 200 || event.isSubRequest) return;
	if (!/^text\/html/i.test(response.headers.get('content-type') ?? '')) return;
	const page = storePageOf(event.url.pathname);
	if (!page) return;
	const headers = event.request.headers;
	const userAgent = headers.get('user-agent');
	if (isBot(userAgent) || isPrefetch(headers)) return;
	let address: string;
	try {
		address = event.getClientAddress();
	} catch {
		return;
	}
	const actor = event.locals.actor;
	visits.recordView({
		address,
		userAgent: userAgent ?? '',
		page,
		source: sourceOf(event.url.searchParams.get('src'), headers.get('referer'), event.url.origin),
		ownShopIds: actor?.kind === 'user' ? actor.shopIds : []
	});
}

/**
 * Counts a tap on a WhatsApp button or an add to cart (issue 10 item 6) made by a person: not a known bot, not a
 * prefetch, not the shop's own seller. Only memory is touched; the shop or product is checked against the community
 * when the batch is written.
 */
export function countShopEvent(
	event: Pick<RequestEvent, 'request' | 'locals'>,
	kind: 'whatsapp_click' | 'add_to_cart',
	at: { communitySlug: string; shopId?: string | null; productId?: string | null }
): void {
	const headers = event.request.headers;
	if (isBot(headers.get('user-agent')) || isPrefetch(headers)) return;
	const actor = event.locals.actor;
	event.locals.services.visits.recordEvent(kind, { ...at, ownShopIds: actor?.kind === 'user' ? actor.shopIds : [] });
}
