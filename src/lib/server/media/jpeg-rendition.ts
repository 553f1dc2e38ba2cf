import sharp from 'sharp';
import type { MediaStorage } from './storage';
import { mediaUrl, type PhotoVariant } from './types';
import { imageQueue } from './image-queue';

/**
 * JPEG renditions of the public WebP photo variants, for the places that fetch a photo by URL and take only JPEG or
 * PNG: Shopee's Upload Massal ("JPG, JPEG, PNG", at least 500 × 500 px, at most 2 MB) and Meta catalogs (the catalog
 * feed's `image_link`, which Google reads too). `p/ab/…-large.webp` has the rendition `p/ab/…-large.jpg`, made on
 * its first request from the stored WebP and kept in storage beside it, so every later request (and every export
 * after) is a plain file read. Keys hold the content hash, so a rendition never changes (immutable caching).
 */

/** Shopee's smallest photo side; a rendition whose photo is at least this long on its long side is padded up to it. */
export const RENDITION_MIN_SIDE = 500;
/** Shopee's largest photo file. */
export const RENDITION_MAX_BYTES = 2 * 1024 * 1024;

const RENDITION = /^(p\/[0-9a-f]{2}\/[0-9a-f]{24}-(?:large|medium|thumb))\.jpg$/;
const VARIANT = /^(p\/[0-9a-f]{2}\/[0-9a-f]{24}-(?:large|medium|thumb))\.webp$/;

/** The rendition key of a stored public WebP variant, or null for anything else (private prefixes, share images). */
export function jpegRenditionKey(webpKey: string): string | null {
	const m = VARIANT.exec(webpKey);
	return m ? `${m[1]}.jpg` : null;
}

/** True for a key that names a rendition (whether or not it has been made yet). */
export function isJpegRenditionKey(key: string): boolean {
	return RENDITION.test(key);
}

/**
 * The path (`/media/…jpg`) of the JPEG of a photo's best variant for a marketplace: the 1200 px original-shape one,
 * else the 600 px square; null when the photo has neither.
 */
export function marketplaceJpegPath(variants: readonly PhotoVariant[]): string | null {
	const best = variants.find((v) => v.name === 'large') ?? variants.find((v) => v.name === 'medium');
	const key = best ? jpegRenditionKey(best.key) : null;
	return key ? mediaUrl(key) : null;
}

/**
 * The bytes of a rendition: read from storage, or made now from its WebP variant and stored (never enlarged; a
 * photo whose short side is under 500 px while its long side is not gets white bands up to 500 px, so Shopee takes
 * it; transparency becomes white). Null when the key is not a rendition, its WebP is gone or cannot be read.
 * Conversions go through the image queue (BusyError → 503 when it is full).
 */
export async function jpegRendition(storage: MediaStorage, key: string): Promise<Buffer | null> {
	const m = RENDITION.exec(key);
	if (!m) return null;
	const stored = await storage.get(key);
	if (stored) return stored;
	const source = await storage.get(`${m[1]}.webp`);
	if (!source) return null;
	const jpeg = await imageQueue.run(() => toJpeg(source));
	if (!jpeg) return null;
	await storage.put(key, jpeg);
	return jpeg;
}

async function toJpeg(source: Buffer): Promise<Buffer | null> {
	try {
		const meta = await sharp(source).metadata();
		const width = meta.width ?? 0;
		const height = meta.height ?? 0;
		if (!width || !height) return null;
		const long = Math.max(width, height);
		const target = Math.min(long, RENDITION_MIN_SIDE);
		const padX = Math.max(0, target - width);
		const padY = Math.max(0, target - height);
		for (const quality of [86, 76, 64, 50]) {
			const out = await sharp(source, { failOn: 'error' })
				.flatten({ background: '#ffffff' })
				.extend({ left: Math.floor(padX / 2), right: Math.ceil(padX / 2), top: Math.floor(padY / 2), bottom: Math.ceil(padY / 2), background: '#ffffff' })
				.jpeg({ quality, mozjpeg: true })
				.toBuffer();
			if (out.length <= RENDITION_MAX_BYTES) return out;
		}
		return null;
	} catch {
		return null;
	}
}
