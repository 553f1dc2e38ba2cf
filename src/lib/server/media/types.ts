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

/** Public URL of a stored variant. */
export function mediaUrl(key: string): string {
	return `/media/${key}`;
}
