import type { MessageKey } from './i18n';

/**
 * What the seller's "ready to sell" checklist needs to know about a shop: the stored values themselves, never
 * the wizard's step counter (a skipped step would tick an item whose data is empty).
 */
export interface ChecklistShop {
	name: string;
	whatsapp: string | null;
	hasLogo: boolean;
	story: string;
	area: string | null;
	pickupPoint: string | null;
	openingHours: string | null;
	delivery: { pickup: boolean; local: unknown; courier: boolean };
	payment: { cod: boolean; transfer: unknown; qris: unknown };
}

export interface ChecklistItem {
	key: MessageKey;
	done: boolean;
	/** The onboarding step where it is filled in or changed (ticked or not). */
	step: string;
}

/** The parts of the shop profile, each edited on its own onboarding screen (`/jual/mulai/<step>`). */
export const PROFILE_PARTS = [
	{ step: 'nama', key: 'seller.check.name' },
	{ step: 'whatsapp', key: 'seller.check.whatsapp' },
	{ step: 'logo', key: 'seller.check.logo' },
	{ step: 'cerita', key: 'seller.check.story' },
	{ step: 'lokasi', key: 'seller.check.where' },
	{ step: 'pengiriman', key: 'seller.check.delivery' },
	{ step: 'pembayaran', key: 'seller.check.payment' }
] as const satisfies readonly { step: string; key: MessageKey }[];

/** The checklist label of a profile part, e.g. "Lokasi dan jam buka" for `lokasi`. */
export function profilePartKey(step: string): MessageKey | null {
	return PROFILE_PARTS.find((p) => p.step === step)?.key ?? null;
}

const filled = (v: string | null | undefined) => !!v && v.trim().length > 0;

/**
 * The one checklist the seller sees on their home page; the roster and the funnel's "profile complete" use the
 * same items, so a coordinator never reads "7 of 8" while the seller sees 8/8. Each item is ticked exactly when
 * what its label names is there: "Lokasi dan jam buka" needs a place (area or pickup point) AND opening hours.
 * The first seven are the shop profile, the last the products.
 */
export function shopChecklist(s: ChecklistShop, publishedProducts: number): ChecklistItem[] {
	const done: Record<(typeof PROFILE_PARTS)[number]['step'], boolean> = {
		nama: filled(s.name),
		whatsapp: filled(s.whatsapp),
		logo: s.hasLogo,
		cerita: filled(s.story),
		lokasi: (filled(s.area) || filled(s.pickupPoint)) && filled(s.openingHours),
		pengiriman: s.delivery.pickup || s.delivery.local != null || s.delivery.courier,
		pembayaran: s.payment.cod || s.payment.transfer != null || s.payment.qris != null
	};
	return [...PROFILE_PARTS.map((p) => ({ key: p.key, step: p.step, done: done[p.step] })), { key: 'seller.check.product', done: publishedProducts > 0, step: 'produk' }];
}

/** The shop profile is complete when every item but the products is done. */
export function profileComplete(items: ChecklistItem[]): boolean {
	return items.filter((i) => i.step !== 'produk').every((i) => i.done);
}
