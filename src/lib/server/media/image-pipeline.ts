import sharp, { type Metadata, type OutputInfo, type Sharp } from 'sharp';
import { createHash } from 'node:crypto';
import type { MediaStorage } from './storage';
import type { PhotoHint, PhotoVariant, ProcessedPhoto } from './types';
import { ValidationError } from '../errors';
import { imageQueue, LARGEST_UPLOAD_BYTES } from './image-queue';

/** Limits that protect a small server from phone photos gone wrong and from decompression bombs. */
export const MAX_UPLOAD_BYTES = LARGEST_UPLOAD_BYTES;
export const MAX_INPUT_PIXELS = 50_000_000;
export const MIN_GOOD_SIDE = 800;

// One libvips thread per job (jobs are already limited by the image queue), and a small operation cache:
// photos are each processed once, so caching their decoded pixels only holds memory.
sharp.concurrency(1);
sharp.cache({ memory: 32, files: 0, items: 20 });

type Kind = 'jpeg' | 'png' | 'webp' | 'heif';

/** Recognises a photo by its first bytes, never by its file name or the browser's word for it. */
export function sniffImage(buf: Buffer): Kind | null {
	if (buf.length >= 3 && buf[0] === 0xff && buf[1] === 0xd8 && buf[2] === 0xff) return 'jpeg';
	if (buf.length >= 8 && buf.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
	if (buf.length >= 12 && buf.toString('latin1', 0, 4) === 'RIFF' && buf.toString('latin1', 8, 12) === 'WEBP') return 'webp';
	if (buf.length >= 12 && buf.toString('latin1', 4, 8) === 'ftyp' && /^(heic|heix|hevc|hevx|mif1|msf1)$/.test(buf.toString('latin1', 8, 12)))
		return 'heif';
	return null;
}

const VARIANTS: { name: PhotoVariant['name']; size: number; square: boolean; quality: number }[] = [
	{ name: 'large', size: 1200, square: false, quality: 74 },
	{ name: 'medium', size: 600, square: true, quality: 70 },
	{ name: 'thumb', size: 300, square: true, quality: 66 }
];

/**
 * The one way a photo enters E-Crav (seller uploads and demo placeholders alike): checks it by content,
 * size and pixel count, applies EXIF orientation, drops every bit of metadata (phones embed GPS),
 * writes WebP variants named by the content hash (under `prefix`, default the public `p/`), and returns
 * coaching hints.
 */
export async function processPhoto(storage: MediaStorage, input: Buffer, options: { prefix?: 'p' | 'e' | 'r' } = {}): Promise<ProcessedPhoto> {
	return imageQueue.run(() => processPhotoNow(storage, input, options));
}

async function processPhotoNow(storage: MediaStorage, input: Buffer, options: { prefix?: 'p' | 'e' | 'r' }): Promise<ProcessedPhoto> {
	if (input.length === 0) throw new ValidationError('media.empty');
	if (input.length > MAX_UPLOAD_BYTES) throw new ValidationError('media.tooLarge');
	const kind = sniffImage(input);
	if (!kind) throw new ValidationError('media.notImage');

	let meta: Metadata;
	try {
		// Reading the header decodes no pixels, so it is safe without a limit; the limit is checked right after.
		meta = await sharp(input, { limitInputPixels: false }).metadata();
	} catch {
		throw new ValidationError(kind === 'heif' ? 'media.heicUnsupported' : 'media.unreadable');
	}
	if (!meta.width || !meta.height) throw new ValidationError('media.unreadable');
	if (meta.width * meta.height > MAX_INPUT_PIXELS) throw new ValidationError('media.tooManyPixels');

	const hash = createHash('sha256').update(input).digest('hex');
	// `p/` is public (products, logos); `e/` is program evidence, served only to the program's staff; `r/` is
	// buyers' payment receipts, served only to the order's seller and staff and to the buyer (payment-proof.service).
	const base = `${options.prefix ?? 'p'}/${hash.slice(0, 2)}/${hash.slice(2, 26)}`;

	let oriented: { data: Buffer; info: OutputInfo };
	try {
		// failOn 'error' rejects truncated files instead of rendering half a photo.
		oriented = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS, failOn: 'error' })
			.rotate()
			.resize({ width: 1600, height: 1600, fit: 'inside', withoutEnlargement: true })
			.toColourspace('srgb')
			.raw()
			.toBuffer({ resolveWithObject: true });
	} catch {
		// sharp's bundled libvips reads AVIF-style HEIF but not the HEVC photos iPhones take.
		throw new ValidationError(kind === 'heif' ? 'media.heicUnsupported' : 'media.unreadable');
	}
	const { width, height, channels } = oriented.info;
	const raw = () => sharp(oriented.data, { raw: { width, height, channels } });

	const variants: PhotoVariant[] = [];
	for (const v of VARIANTS) {
		// Never enlarge: a small photo only gets blurrier and heavier. A square crop is at most as large as the
		// photo's shorter side (a 64×64 photo stays 64×64), so every variant is ≤ the original.
		const side = Math.min(v.size, width, height);
		const pipeline = v.square
			? raw().resize({ width: side, height: side, fit: 'cover', position: 'attention' })
			: raw().resize({ width: v.size, height: v.size, fit: 'inside', withoutEnlargement: true });
		const { data, info } = await pipeline.webp({ quality: v.quality, effort: 4 }).toBuffer({ resolveWithObject: true });
		const key = `${base}-${v.name}.webp`;
		if (!(await storage.exists(key))) await storage.put(key, data);
		variants.push({ name: v.name, width: info.width, height: info.height, key, bytes: data.length });
	}

	const orientedW = meta.autoOrient?.width ?? meta.width;
	const orientedH = meta.autoOrient?.height ?? meta.height;
	const hints = await coachingHints(raw(), orientedW, orientedH);
	return { width: orientedW, height: orientedH, variants, hints };
}

/** Plain-words advice on the photo itself (brightness, sharpness, size, shape), one tip each. */
async function coachingHints(image: Sharp, width: number, height: number): Promise<PhotoHint[]> {
	const hints: PhotoHint[] = [];
	const small = await image.clone().resize({ width: 256, height: 256, fit: 'inside' }).greyscale().raw().toBuffer({ resolveWithObject: true });
	const px = small.data;
	let sum = 0;
	for (let i = 0; i < px.length; i++) sum += px[i];
	const mean = sum / px.length;
	// Laplacian variance on the small greyscale copy: low values mean few edges, i.e. a blurry photo.
	const w = small.info.width;
	const h = small.info.height;
	let lapSum = 0;
	let lapSq = 0;
	let n = 0;
	for (let y = 1; y < h - 1; y++) {
		for (let x = 1; x < w - 1; x++) {
			const i = y * w + x;
			const lap = px[i - w] + px[i + w] + px[i - 1] + px[i + 1] - 4 * px[i];
			lapSum += lap;
			lapSq += lap * lap;
			n++;
		}
	}
	const variance = n ? lapSq / n - (lapSum / n) ** 2 : 0;
	if (mean < 70) hints.push({ code: 'too_dark', messageKey: 'media.hint.tooDark' });
	if (variance < 30) hints.push({ code: 'blurry', messageKey: 'media.hint.blurry' });
	if (Math.min(width, height) < MIN_GOOD_SIDE) hints.push({ code: 'too_small', messageKey: 'media.hint.tooSmall' });
	if (Math.abs(width / height - 1) > 0.25) hints.push({ code: 'not_square', messageKey: 'media.hint.notSquare' });
	return hints;
}
