import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { MAX_SUBSCRIPTIONS_PER_SHOP } from '$lib/server/notifications/push.service';
import type { Actions, PageServerLoad } from './$types';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { takeSaved } from '$lib/server/web/saved-flash';
import { ONBOARDING_STEPS } from '$lib/validation/shop';
import { printedOrigin } from '$lib/server/promo/origin';
import { shopLink } from '$lib/server/promo/promo.service';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop, community } = await event.parent();
		const { actor, services } = event.locals;
		const [rows, paymentChanges, whatsappChanges, passwordResets, paymentLockedUntil, trainings, shopChanges] = await Promise.all([
			services.products.listForShop(actor, shop.id),
			services.shops.listPaymentChanges(actor, shop.id),
			services.shops.listWhatsappChanges(actor, shop.id),
			// Only the signed-in person's own resets: a helper opening the shop sees none of the owner's.
			actor.kind === 'user' ? services.auth.recentPasswordResets(actor, actor.userId) : [],
			services.shops.paymentLockedUntil(actor, shop.id),
			services.tests.myTrainings(actor),
			services.shops.listShopChanges(actor, shop.id)
		]);
		return {
			paymentChanges,
			whatsappChanges,
			shopChanges,
			passwordResets,
			paymentLockedUntil,
			/** Trainings where the member still has a test or the reaction check to answer. */
			openTrainings: trainings.filter((t) => t.todo.pre || t.todo.post || t.todo.reaction).map((t) => ({ id: t.id, title: t.title })),
			hasTrainings: trainings.length > 0,
			products: rows.map((r) => ({ id: r.product.id, name: r.product.name, price: r.product.price, status: r.product.status, suspended: !!r.product.suspended_reason, cover: r.cover, score: r.quality.score, firstTip: r.quality.tips[0]?.messageKey ?? null })),
			/** The shop's page as "Bagikan ke WhatsApp" shares it: `?src=whatsapp`, so the visits it brings are counted as WhatsApp's. */
			whatsappShareUrl: shopLink(printedOrigin(event.url), community.slug, shop.slug, 'whatsapp'),
			/** After an "Ubah …" screen saved: the home says what was saved, once. */
			saved: takeSaved(event.cookies, ONBOARDING_STEPS),
			push: { key: await event.locals.services.push.publicKey(), phones: await event.locals.services.push.subscriptionCount(event.locals.actor, shop.id), max: MAX_SUBSCRIPTIONS_PER_SHOP }
		};
	});

export const actions: Actions = {
	/** "Matikan notifikasi di semua HP": works without JavaScript, e.g. after a phone was lost. */
	matikanNotifikasi: async ({ request, locals, url }) => {
		const form = await request.formData();
		return formAction(locals.locale, form, async () => {
			const user = requireUser(locals.actor);
			const shopId = requestedShopId(url, user);
			if (!shopId) throw new NotFoundError('error.notFound.shopUnnamed');
			return { pushOff: await locals.services.push.unsubscribeAll(locals.actor, shopId) };
		});
	}
};
