/**
 * Share images of a product (drawn in share-image.ts): 1200×630 for link previews (`og:image`,
 * WhatsApp/Facebook/X) and 1080×1080 for a WhatsApp status. JPEG, because WhatsApp's and Facebook's preview
 * fetchers do not all accept WebP. Kept apart from the drawing so pages can name and version the images
 * without loading sharp.
 *
 * Bump SHARE_TEMPLATE_VERSION whenever the drawing in share-image.ts changes: it is part of the cache key, so
 * every stored image is drawn again with the new template.
 */
export const SHARE_TEMPLATE_VERSION = 1;

export type ShareFormat = 'og' | 'status';

export const SHARE_SIZES: Record<ShareFormat, { width: number; height: number }> = {
	og: { width: 1200, height: 630 },
	status: { width: 1080, height: 1080 }
};

/** The words on a share image. */
export interface ShareCard {
	name: string;
	/** Already formatted (`Rp 15.000`, or a range). */
	price: string;
	shopName: string;
	/** A small line under the price (the community's name); optional. */
	footer?: string;
}
