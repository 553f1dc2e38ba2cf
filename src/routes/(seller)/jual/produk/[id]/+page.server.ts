import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { describeFromForm } from '$lib/server/web/product-form';
import { onPhotoField, photoBytes, photoTooLarge, readPhotoForm } from '$lib/server/web/photo-form';
import { productInputFromForm } from '$lib/validation/product';
import { productDto, sellerPreviewCard } from '$lib/server/catalog/product-card';
import { translator, type MessageKey } from '$lib/i18n';
import { shareLinks, sharePrice } from '$lib/server/share/share-links';
import type { Actions, PageServerLoad } from './$types';

export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const m = await event.locals.services.products.getManaged(event.locals.actor, event.params.id);
		const { community } = await event.parent();
		const p = m.product;
		const t = translator(event.locals.locale);
		const publicUrl = `${event.url.origin}/c/${community.slug}/toko/${m.shop.slug}/${p.slug}`;
		return {
			product: {
				id: p.id,
				slug: p.slug,
				status: p.status,
				/** Why a platform admin suspended it (it cannot be put on show until restored), or null. */
				suspendedReason: p.suspended_reason,
				saved: {
					...productDto(p, m.variants),
					variants: m.variants.map((v) => ({ id: v.id, label: v.label, price: v.price, stock: v.stock }))
				}
			},
			photos: m.photos.map((ph) => ({ id: ph.id, thumb: ph.thumb, hints: ph.hints.map((h) => t(`media.hint.${camel(h)}` as MessageKey)) })),
			quality: { score: m.quality.score, tips: m.quality.tips.map((tip) => t(tip.messageKey)) },
			preview: sellerPreviewCard(community.slug, p, m.shop, m.variants, m.photos[0]?.thumb ?? null),
			isNew: event.url.searchParams.has('baru'),
			publicUrl,
			sharePrice: sharePrice(p, m.variants),
			// Only a product buyers can see can be shared (its share images answer 404 otherwise).
			share:
				p.status === 'published' && m.shop.status === 'active'
					? shareLinks({ card: { name: p.name, price: sharePrice(p, m.variants), shopName: m.shop.name, footer: community.name }, cover: m.cover }, publicUrl, t)
					: null
		};
	});

function camel(code: string): string {
	return code.replace(/_(\w)/g, (_m, c: string) => c.toUpperCase());
}

const back = (id: string, flag = '') => `/jual/produk/${id}${flag}`;

export const actions: Actions = {
	simpan: async ({ request, locals, params }) => {
		const form = await request.formData();
		const result = await formAction(locals.locale, form, async () => {
			await locals.services.products.update(locals.actor, params.id, productInputFromForm(form));
			return true;
		});
		if (result !== true) return result;
		return { saved: true };
	},
	bantu: async ({ request }) => describeFromForm(await request.formData()),
	tampilkan: async ({ locals, params, request }) => {
		const form = await request.formData();
		const r = await formAction(locals.locale, form, () => locals.services.products.setStatus(locals.actor, params.id, 'published'));
		if (!('id' in r)) return r;
		return { published: true };
	},
	sembunyikan: async ({ locals, params, request }) => {
		const r = await formAction(locals.locale, await request.formData(), () => locals.services.products.setStatus(locals.actor, params.id, 'draft'));
		if (!('id' in r)) return r;
		return { saved: true };
	},
	arsipkan: async ({ locals, params, request }) => {
		const r = await formAction(locals.locale, await request.formData(), () => locals.services.products.setStatus(locals.actor, params.id, 'archived'));
		if (!('id' in r)) return r;
		redirect(303, '/jual');
	},
	salin: async ({ locals, params, request }) => {
		const r = await formAction(locals.locale, await request.formData(), () => locals.services.products.duplicate(locals.actor, params.id));
		if (!('id' in r)) return r;
		redirect(303, back(r.id));
	},
	foto: async ({ locals, params, request }) => {
		const form = await readPhotoForm(request);
		if (!form) return photoTooLarge(locals.locale, 'photo');
		const r = await formAction(locals.locale, form, async () => {
			const photo = (await photoBytes(form, 'photo'))!;
			return onPhotoField('photo', () => locals.services.products.addPhoto(locals.actor, params.id, photo));
		});
		if (!('id' in r)) return r;
		const t = translator(locals.locale);
		return { uploaded: true, hints: r.hints.map((h) => t(h.messageKey)) };
	},
	fotoSampul: async ({ locals, request }) => {
		const form = await request.formData();
		return (await formAction(locals.locale, form, () => locals.services.products.movePhoto(locals.actor, String(form.get('photoId') ?? ''), 'first'))) ?? { saved: true };
	},
	fotoGeser: async ({ locals, request }) => {
		const form = await request.formData();
		return (await formAction(locals.locale, form, () => locals.services.products.movePhoto(locals.actor, String(form.get('photoId') ?? ''), 'up'))) ?? { saved: true };
	},
	fotoHapus: async ({ locals, request }) => {
		const form = await request.formData();
		return (await formAction(locals.locale, form, () => locals.services.products.removePhoto(locals.actor, String(form.get('photoId') ?? '')))) ?? { saved: true };
	}
};
