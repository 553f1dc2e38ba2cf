import type { MessageKey } from '../../i18n';

/** One resized rendition of a photo. `square` variants are cropped to 1:1 for cards and thumbnails. */
export interface PhotoVariant {
	name: 'large' | 'medium' | 'thumb';
	width: number;
	height: number;
	key: string;
	bytes: number;
}

export interface PhotoHint {
	code: 'too_dark' | 'blurry' | 'too_small' | 'not_square';
	messageKey: MessageKey;
}

export interface ProcessedPhoto {
	width: number;
	height: number;
	variants: PhotoVariant[];
	hints: PhotoHint[];
}

/**
 * MEDIA_PUBLIC_BASE_URL: the address of a CDN that serves this app's `/media/` path (its origin is E-Crav itself,
 * never the bucket), e.g. `https://cdn.example.id/media`; null when unset. A value that is not a bare http(s) address
 * (no query, no fragment) is refused by loadMediaStorageConfig at start.
 */
export function mediaPublicBase(env: Record<string, string | undefined> = process.env): string | null {
	const raw = env.MEDIA_PUBLIC_BASE_URL?.trim();
	if (!raw) return null;
	if (!isMediaBaseUrl(raw)) return null;
	return raw.replace(/\/+$/, '');
}

export function isMediaBaseUrl(raw: string): boolean {
	return /^https?:\/\/[a-z0-9.-]+(:\d+)?(\/[a-zA-Z0-9._~/-]*)?$/i.test(raw);
}

/**
 * URL of a stored variant: `/media/<key>` on this app, or on the CDN (MEDIA_PUBLIC_BASE_URL) for public photos (`p/…`)
 * only. Keys carry the content hash, so a changed photo is a new URL and the CDN may keep each one for a year.
 */
export function mediaUrl(key: string, base: string | null = mediaPublicBase()): string {
	return base && key.startsWith('p/') ? `${base}/${key}` : `/media/${key}`;
}

