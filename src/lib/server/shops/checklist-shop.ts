import type { Shop } from '../db/schema';
import type { ChecklistShop } from '../../shop-checklist';
import { readDelivery, readPayment } from './shop.service';

/** The shop columns the checklist reads, as the roster and funnel queries select them. */
export type ChecklistColumns = Pick<Shop, 'logo' | 'story' | 'area' | 'pickup_point' | 'opening_hours' | 'delivery' | 'payment'> & { shop_name: string; shop_whatsapp: string | null };

/** One mapping from a shop row to the checklist's input, so the roster and the funnel cannot drift from /jual. */
export function checklistShopOf(r: ChecklistColumns): ChecklistShop {
	return {
		name: r.shop_name,
		whatsapp: r.shop_whatsapp,
		hasLogo: !!r.logo,
		story: r.story,
		area: r.area,
		pickupPoint: r.pickup_point,
		openingHours: r.opening_hours,
		delivery: readDelivery(r),
		payment: readPayment(r)
	};
}
