import { redirect, type RequestEvent } from '@sveltejs/kit';
import type { Community, Shop } from '../db/schema';
import { NotFoundError } from '../errors';
import { localizeHref } from '$lib/i18n/paths';

/**
 * The active shop at `/c/{community}/toko/{slug}…`. An earlier address of a renamed shop answers 301 to the same
 * page under the shop's current address (`rest` is what follows the slug, query kept; an English page stays English),
 * so shared links keep working.
 */
export async function shopOrRedirect(event: Pick<RequestEvent, 'locals' | 'url'>, community: Pick<Community, 'id' | 'slug'>, slug: string, rest = ''): Promise<Shop> {
	const { services, actor } = event.locals;
	try {
		return await services.shops.getBySlug(actor, community, slug);
	} catch (e) {
		if (!(e instanceof NotFoundError)) throw e;
		const current = await services.shopAddresses.currentSlug(actor, community, slug);
		if (current && current !== slug) redirect(301, localizeHref(`/c/${community.slug}/toko/${current}${rest}${event.url.search}`, event.locals.locale));
		throw e;
	}
}
