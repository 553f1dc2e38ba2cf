import sharp from 'sharp';
import type { MediaStorage } from './storage';
import type { PhotoVariant } from './types';
import { ImageQueue } from './image-queue';

/**
 * Printed catalogs built at once in this process, and how many may wait. A 500-product catalog converts 500 photos
 * (~4 s of CPU on two cores, bench/posters.ts): one at a time keeps the shop pages responsive while it runs, and
 * the fifth waiting download is refused at once (503 + Retry-After, "coba lagi") instead of piling up.
 */
export const catalogQueue = new ImageQueue(1, 4, 'promo.busy');

/**
 * A stored photo variant (WebP) as a JPEG for a PDF: pdfkit embeds only JPEG and PNG. Transparent parts become
 * white (paper), and the picture is never enlarged. Returns null when the file is gone or cannot be read, so a
 * poster or catalog prints with an empty frame instead of failing.
 */
export async function printableJpeg(storage: MediaStorage, key: string, maxSide = 600): Promise<Buffer | null> {
	const bytes = await storage.get(key);
	if (!bytes) return null;
	try {
		return await sharp(bytes, { failOn: 'error' })
			.resize({ width: maxSide, height: maxSide, fit: 'inside', withoutEnlargement: true })
			.flatten({ background: '#ffffff' })
			.jpeg({ quality: 72, mozjpeg: false })
			.toBuffer();
	} catch {
		return null;
	}
}

/** The variant to print at about `side` pixels: the smallest one at least that large, else the largest there is. */
export function variantForPrint(variants: PhotoVariant[], side: number): PhotoVariant | null {
	if (variants.length === 0) return null;
	const bySize = [...variants].sort((a, b) => Math.min(a.width, a.height) - Math.min(b.width, b.height));
	return bySize.find((v) => Math.min(v.width, v.height) >= side) ?? bySize[bySize.length - 1];
}
