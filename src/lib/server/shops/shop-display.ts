import type { Shop } from '../db/schema';
import { parseVariants, squareImage, type ImageRef } from '../catalog/product-card';

/** What buyers see of a shop besides its name: the logo the seller uploaded, where to pick up, when it is open. */
export interface ShopDisplay {
	logo: ImageRef | null;
	pickupPoint: string | null;
	openingHours: string | null;
}

/** Blank texts count as not given, so pages never show an empty "Jam buka:". */
export function shopDisplay(shop: Pick<Shop, 'logo' | 'pickup_point' | 'opening_hours'>): ShopDisplay {
	return {
		logo: squareImage(parseVariants(shop.logo)),
		pickupPoint: shop.pickup_point?.trim() || null,
		openingHours: shop.opening_hours?.trim() || null
	};
}
