import { error, redirect } from '@sveltejs/kit';
import { ONBOARDING_STEPS, type OnboardingStep } from '$lib/validation/shop';
import { formAction } from '$lib/server/web/forms';
import { pageLoad } from '$lib/server/http';
import { DomainError, ValidationError } from '$lib/server/errors';
import { readQrFromPhoto } from '$lib/server/media/qr-reader';
import { onPhotoField, photoBytes, photoTooLarge, readPhotoForm } from '$lib/server/web/photo-form';
import type { Actions, PageServerLoad } from './$types';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { flashSaved, takeSaved } from '$lib/server/web/saved-flash';

function stepOf(param: string): OnboardingStep {
	if (!(ONBOARDING_STEPS as readonly string[]).includes(param)) error(404, 'Not found');
	return param as OnboardingStep;
}

/** `shopQuery` ('' or '?toko=…') plus one more parameter. */
const withParam = (shopQuery: string, param: string) => `${shopQuery ? `${shopQuery}&` : '?'}${param}`;

function nextPath(step: OnboardingStep, shopQuery: string): string {
	const next = ONBOARDING_STEPS[ONBOARDING_STEPS.indexOf(step) + 1];
	if (!next) return `/jual${shopQuery}`;
	// the last step is the guided first product (photo, name and price, show in shop); a shop already showing one gets the full form
	if (next === 'produk') return `/jual/produk-pertama${shopQuery}`;
	return `/jual/mulai/${next}${shopQuery}`;
}

/** Opened from "Ubah …" on the seller home (`?ubah=1`): one screen, saved back to the home, not the next step. */
const isEditing = (url: URL) => url.searchParams.get('ubah') === '1';

export const load: PageServerLoad = async (event) => {
	const { params, parent, locals, url } = event;
	const step = stepOf(params.step);
	const { shopQuery, shop } = await parent();
	if (step === 'produk') redirect(303, nextPath('pembayaran', shopQuery));
	// A renamed shop is offered the address of its new name (the old one keeps working).
	const addressOffer = step === 'nama' ? await locals.services.shopAddresses.offer(locals.actor, shop.id) : null;
	// Said before the seller types anything: after a link someone else issued, where money and orders go waits.
	const lockedUntil = step === 'pembayaran' || step === 'whatsapp' ? await pageLoad(event, () => locals.services.shops.paymentLockedUntil(locals.actor, shop.id)) : null;
	return {
		step,
		index: ONBOARDING_STEPS.indexOf(step) + 1,
		total: ONBOARDING_STEPS.length,
		skip: nextPath(step, shopQuery),
		editing: isEditing(url),
		/** The step just saved on the screen before (the wizard moves on, so say it here). */
		saved: takeSaved(event.cookies, ONBOARDING_STEPS),
		addressOffer,
		origin: url.origin,
		lockedUntil
	};
};

export const actions: Actions = {
	default: async ({ request, locals, params, url, cookies }) => {
		const step = stepOf(params.step);
		const shopId = requestedShopId(url, locals.actor);
		const shopQuery = url.searchParams.get('toko') ? `?toko=${encodeURIComponent(url.searchParams.get('toko') ?? '')}` : '';
		const form = await readPhotoForm(request);
		if (!form) return photoTooLarge(locals.locale, step === 'logo' ? 'logo' : 'qrisPhoto');
		let offerAddress = false;
		const result = await formAction(locals.locale, form, async () => {
			if (locals.actor.kind !== 'user') throw new DomainError('unauthenticated', 'auth.required', 401);
			if (!shopId) throw new ValidationError('auth.required');
			if (step === 'nama' && form.get('address') === 'accept') {
				await locals.services.shopAddresses.accept(locals.actor, shopId);
			} else if (step === 'nama') {
				const before = (await locals.services.shops.getManaged(locals.actor, shopId)).name;
				const saved = await locals.services.shops.saveOnboardingStep(locals.actor, shopId, step, Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')));
				offerAddress = saved.name !== before && !!(await locals.services.shopAddresses.offer(locals.actor, shopId));
			} else if (step === 'logo') {
				const logo = (await photoBytes(form, 'logo'))!;
				await onPhotoField('logo', () => locals.services.shops.setLogo(locals.actor, shopId, logo));
			} else {
				const fields = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<string, string>;
				const sticker = step === 'pembayaran' ? await photoBytes(form, 'qrisPhoto', false) : null;
				if (sticker) {
					// A photo of the printed QRIS sticker: read the code from it, then validate it like pasted text.
					const payload = await onPhotoField('qrisPhoto', () => readQrFromPhoto(sticker));
					if (!payload) throw new ValidationError('shop.qrisPhotoUnreadable', {}, [{ field: 'qrisPhoto', messageKey: 'shop.qrisPhotoUnreadable', params: {} }]);
					fields.qris = payload;
				}
				await locals.services.shops.saveOnboardingStep(locals.actor, shopId, step, fields);
			}
			return true;
		});
		if (result !== true) return result;
		const editing = isEditing(url);
		// A new name that would give a new address: show the offer before moving on.
		if (offerAddress) redirect(303, `/jual/mulai/nama${editing ? withParam(shopQuery, 'ubah=1') : shopQuery}`);
		const to = editing ? `/jual${shopQuery}` : nextPath(step, shopQuery);
		// said on the next seller screen that reads it (the product editor after the last step does not)
		if (!to.startsWith('/jual/produk/')) flashSaved(cookies, step, url.protocol === 'https:');
		redirect(303, to);
	}
};
