import { pageLoad } from '$lib/server/http';
import type { PageServerLoad } from './$types';

/** The two periods the page offers (`?hari=7` or `?hari=30`); anything else shows 7. */
const PERIODS = [7, 30] as const;

/**
 * "Pengunjung toko": the shop's visitors per day (a server-drawn chart), where they came from, the funnel from
 * visitors to WhatsApp clicks, carts and orders, and the most viewed products. The shop's seller, or a coordinator
 * or facilitator helping with `?toko=` (the layout has already refused anyone else).
 */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { locals, url } = event;
		const asked = Number(url.searchParams.get('hari'));
		const days = (PERIODS as readonly number[]).includes(asked) ? asked : 7;
		const [stats, top] = await Promise.all([locals.services.visitStats.shopStats(locals.actor, shop.id, days), locals.services.visitStats.topProducts(locals.actor, shop.id, days)]);
		return { days, periods: PERIODS, stats, top, toko: url.searchParams.get('toko') ?? '' };
	});
