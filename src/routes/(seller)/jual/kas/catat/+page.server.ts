import { redirect } from '@sveltejs/kit';
import { pageLoad } from '$lib/server/http';
import { formAction } from '$lib/server/web/forms';
import { requireUser } from '$lib/server/auth/guards';
import { NotFoundError } from '$lib/server/errors';
import { requestedShopId } from '$lib/server/web/acting-shop';
import { flashEntry } from '$lib/server/web/cashbook-flash';
import { formTokenOf, requireLargeAmountConfirmed } from '$lib/server/web/cashbook-form';
import { newFormToken } from '$lib/server/cashbook/form-token';
import { onPhotoField, photoBytes, photoTooLarge, readPhotoForm } from '$lib/server/web/photo-form';
import type { Actions, PageServerLoad } from './$types';

/** `?jenis=` in the seller's words → the entry's kind. Anything else is an expense (the most common entry after a sale). */
const KINDS = { pemasukan: 'income', pengeluaran: 'expense', prive: 'prive', modal: 'modal' } as const;
type Jenis = keyof typeof KINDS;
const jenisOf = (v: string | null): Jenis => (v && v in KINDS ? (v as Jenis) : 'pengeluaran');

function shopOf(url: URL, actor: App.Locals['actor']): string {
	const shopId = requestedShopId(url, requireUser(actor));
	if (!shopId) throw new NotFoundError('cashbook.notFound');
	return shopId;
}

/** The full entry form for one kind: amount, day, category (income and expense), method, note, receipt photo. */
export const load: PageServerLoad = (event) =>
	pageLoad(event, async () => {
		const { shop } = await event.parent();
		const { actor, services } = event.locals;
		const jenis = jenisOf(event.url.searchParams.get('jenis'));
		const kind = KINDS[jenis];
		const categories = await services.cashbook.categories(actor, shop.id);
		const today = services.cashbook.today();
		const added = event.url.searchParams.get('kategori');
		const list = kind === 'income' || kind === 'expense' ? categories[kind] : [];
		return { jenis, kind, categories: list, today, addedCategory: list.find((c) => c.key === added && c.name) ?? null, formToken: newFormToken() };
	});

export const actions: Actions = {
	catat: async ({ request, locals, url, cookies }) => {
		const form = await readPhotoForm(request);
		if (!form) return photoTooLarge(locals.locale, 'photo');
		const result = await formAction(locals.locale, form, async () => {
			const shopId = shopOf(url, locals.actor);
			const kind = KINDS[jenisOf(url.searchParams.get('jenis'))];
			requireLargeAmountConfirmed(form);
			const token = formTokenOf(form);
			const photo = await photoBytes(form, 'photo', false);
			const input = { kind, amount: String(form.get('amount') ?? ''), date: String(form.get('date') ?? ''), category: String(form.get('category') ?? ''), method: String(form.get('method') ?? ''), note: String(form.get('note') ?? '') };
			const { entry, replayed } = await onPhotoField('photo', () => locals.services.cashbook.recordOnce(locals.actor, shopId, input, token, photo));
			return { entryId: entry.id, replayed };
		});
		if (result && 'entryId' in result) {
			flashEntry(cookies, result.entryId, url.protocol === 'https:', result.replayed);
			const toko = url.searchParams.get('toko');
			redirect(303, `/jual/kas${toko ? `?toko=${encodeURIComponent(toko)}` : ''}`);
		}
		return result;
	},
	/** Adds a category of the shop's own, then back to the form with it chosen. */
	kategori: async ({ request, locals, url }) => {
		const form = await request.formData();
		const jenis = jenisOf(url.searchParams.get('jenis'));
		const result = await formAction(locals.locale, form, async () => {
			const shopId = shopOf(url, locals.actor);
			const kind = KINDS[jenis];
			const added = await locals.services.cashbook.addCategory(locals.actor, shopId, { kind: kind === 'income' ? 'income' : 'expense', name: String(form.get('name') ?? '') });
			return { categoryId: added.id };
		});
		if (result && 'categoryId' in result) {
			const q = new URLSearchParams({ jenis, kategori: result.categoryId });
			const toko = url.searchParams.get('toko');
			if (toko) q.set('toko', toko);
			redirect(303, `/jual/kas/catat?${q}`);
		}
		return result;
	}
};
