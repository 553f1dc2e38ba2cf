import type { MessageKey } from './i18n';

/** What the seller's "ready to sell" checklist needs to know about a shop. */
export interface ChecklistShop {
	onboardingStep: number;
	hasLogo: boolean;
	story: string;
	area: string | null;
	pickupPoint: string | null;
	delivery: { local: unknown; courier: boolean };
}

export interface ChecklistItem {
	key: MessageKey;
	done: boolean;
	/** The onboarding step that fixes it. */
	step: string;
}

/**
 * The one checklist the seller sees on their home page; the roster shows the same items so a coordinator
 * never reads "7 of 8" while the seller sees 8/8. The first seven are the shop profile, the last the products.
 */
export function shopChecklist(s: ChecklistShop, publishedProducts: number): ChecklistItem[] {
	return [
		{ key: 'seller.check.name', done: s.onboardingStep >= 1, step: 'nama' },
		{ key: 'seller.check.whatsapp', done: s.onboardingStep >= 2, step: 'whatsapp' },
		{ key: 'seller.check.logo', done: s.hasLogo, step: 'logo' },
		{ key: 'seller.check.story', done: s.story.trim().length > 0, step: 'cerita' },
		{ key: 'seller.check.where', done: !!(s.area || s.pickupPoint), step: 'lokasi' },
		{ key: 'seller.check.delivery', done: s.onboardingStep >= 6 || s.delivery.local !== null || s.delivery.courier, step: 'pengiriman' },
		{ key: 'seller.check.payment', done: s.onboardingStep >= 7, step: 'pembayaran' },
		{ key: 'seller.check.product', done: publishedProducts > 0, step: 'produk' }
	];
}

/** The shop profile is complete when every item but the products is done. */
export function profileComplete(items: ChecklistItem[]): boolean {
	return items.filter((i) => i.step !== 'produk').every((i) => i.done);
}
