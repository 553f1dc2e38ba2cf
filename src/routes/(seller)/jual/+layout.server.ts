import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { readDelivery, readPayment } from '$lib/server/shops/shop.service';
import type { LayoutServerLoad } from './$types';
import { formatTime } from '$lib/utils/dates';
import { requestedShopId } from '$lib/server/web/acting-shop';

export const csr = false;

/** Every seller page: signed in, and a shop this person may manage (their own, or ?toko= for helpers). */
export const load: LayoutServerLoad = (event) =>
	pageLoad(event, async () => {
		const { locals, url } = event;
		if (locals.actor.kind !== 'user') redirect(303, `/masuk?kembali=${encodeURIComponent(url.pathname + url.search)}`);
		const shopId = requestedShopId(url, locals.actor);
		if (!shopId) redirect(303, '/');
		const shop = await locals.services.shops.getManaged(locals.actor, shopId);
		const owns = locals.actor.shopIds.includes(shop.id);
		const [community, newOrders, help] = await Promise.all([
			locals.services.communities.getById(locals.actor, shop.community_id),
			locals.services.orders.newCount(locals.actor, shop.id),
			// "minta bantuan" on every seller page while a training of theirs is today (not for a helping coordinator)
			owns ? locals.services.help.today(locals.actor) : Promise.resolve(null)
		]);
		return {
			shop: {
				id: shop.id,
				slug: shop.slug,
				name: shop.name,
				whatsapp: shop.whatsapp,
				businessType: shop.business_type,
				story: shop.story,
				area: shop.area,
				pickupPoint: shop.pickup_point,
				openingHours: shop.opening_hours,
				hasLogo: !!shop.logo,
				delivery: readDelivery(shop),
				payment: readPayment(shop),
				onboardingStep: shop.onboarding_step,
				/** Set while a platform admin has suspended the shop: the seller reads why. */
				suspendedReason: shop.suspended_reason
			},
			community: { slug: community.slug, name: community.name },
			newOrders,
			/** The cash book is the owner's alone (a helping coordinator gets 404 there): its link only for them. */
			ownsShop: owns,
			help: help && { trainingId: help.trainingId, title: help.title, raisedTime: help.raisedAt && formatTime(help.raisedAt, locals.locale) },
			/** Where the help button's form sends the member back to. */
			here: url.pathname + url.search,
			/** Keeps ?toko= on links when a coordinator is helping. */
			shopQuery: url.searchParams.get('toko') ? `?toko=${shop.id}` : ''
		};
	});
