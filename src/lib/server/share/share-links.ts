import { createHash } from 'node:crypto';
import { SHARE_SIZES, SHARE_TEMPLATE_VERSION, type ShareCard, type ShareFormat } from '../media/share-types';
import { galleryImage, parseVariants, priceRangeOf } from '../catalog/product-card';
import { formatRupiah } from '../../utils/money';
import { whatsappUrl } from '../../utils/whatsapp';
import type { Translate } from '../../i18n';

/** What a share image shows, and the one photo it is drawn from. */
export interface ShareSource {
	card: ShareCard;
	/** The cover photo: its row id and the stored variant the image is drawn from; null draws the photo-less card. */
	cover: ShareCover | null;
}
export interface ShareCover {
	id: string;
	key: string;
}

/** The public file names of the two images under a product page (`…/{product}/bagikan.jpg`, `…/status.jpg`). */
export const SHARE_FILES: Record<ShareFormat, string> = { og: 'bagikan.jpg', status: 'status.jpg' };

/** The price a share image shows: the one price, or "Rp 12.000 – Rp 20.000" when variant prices differ. */
export function sharePrice(product: { price: number }, variants: readonly { price: number }[]): string {
	const { min, max } = priceRangeOf(product, variants);
	return min === max ? formatRupiah(min) : `${formatRupiah(min)} – ${formatRupiah(max)}`;
}

/**
 * The content version of a share image: a hash of everything drawn on it (name, price, shop, community, cover
 * photo) and of the template. Any of those changing gives a new version, so a new file and a new URL; a change
 * nothing on the image shows (stock, description) keeps it. Pure, so the product page computes it without I/O.
 */
export function shareVersion(source: ShareSource, format: ShareFormat): string {
	const { card, cover } = source;
	return createHash('sha256')
		.update(JSON.stringify([SHARE_TEMPLATE_VERSION, format, card.name, card.price, card.shopName, card.footer ?? '', cover?.id ?? '', cover?.key ?? '']))
		.digest('hex')
		.slice(0, 24);
}

/** Where a rendered image is stored: under the public `p/` prefix, named by its version (never overwritten). */
export function shareImageKey(version: string, format: ShareFormat): string {
	const { width, height } = SHARE_SIZES[format];
	return `p/s/${version.slice(0, 2)}/${version}-${width}x${height}.jpg`;
}

/** The cover of a product's photos: the first by position with a stored variant, the one the product page shows first. */
export function shareCover(photos: readonly { id: string; variants: string | null }[]): ShareCover | null {
	for (const p of photos) {
		const variants = parseVariants(p.variants);
		const large = variants.find((v) => v.name === 'large') ?? variants.find((v) => v.name === 'medium');
		if (galleryImage(variants) && large) return { id: p.id, key: large.key };
	}
	return null;
}

export interface ShareLinks {
	/** Absolute URL of the 1200×630 image (og:image), versioned. */
	ogImage: string;
	ogWidth: number;
	ogHeight: number;
	/** The 1080×1080 image, downloading (`unduh=1`). */
	statusImage: string;
	/** wa.me without a number: WhatsApp asks whom to send it to. The page link carries `?src=whatsapp`. */
	whatsapp: string;
}

/** The "Bagikan" links of a product page (`pageUrl` absolute, without query). */
export function shareLinks(source: ShareSource, pageUrl: string, t: Translate): ShareLinks {
	const og = SHARE_SIZES.og;
	const text = t('share.text', { name: source.card.name.trim(), price: source.card.price, shop: source.card.shopName.trim(), url: `${pageUrl}?src=whatsapp` });
	return {
		ogImage: `${pageUrl}/${SHARE_FILES.og}?v=${shareVersion(source, 'og')}`,
		ogWidth: og.width,
		ogHeight: og.height,
		statusImage: `${pageUrl}/${SHARE_FILES.status}?v=${shareVersion(source, 'status')}&unduh=1`,
		whatsapp: whatsappUrl('', text)
	};
}
