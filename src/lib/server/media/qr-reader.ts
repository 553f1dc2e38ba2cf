import sharp from 'sharp';
import jsQR from 'jsqr';
import { MAX_INPUT_PIXELS, MAX_UPLOAD_BYTES, sniffImage } from './image-pipeline';
import { ValidationError } from '../errors';
import { imageQueue } from './image-queue';

/**
 * Reads the QR code in a photo of a printed QRIS sticker. Tries the photo at a few sizes (phones photograph
 * stickers large and slightly blurred); returns the payload text, or null when no QR code is found.
 */
export async function readQrFromPhoto(input: Buffer): Promise<string | null> {
	return imageQueue.run(() => readQr(input));
}

async function readQr(input: Buffer): Promise<string | null> {
	if (input.length === 0 || input.length > MAX_UPLOAD_BYTES) throw new ValidationError('media.tooLarge');
	if (!sniffImage(input)) throw new ValidationError('media.notImage');
	for (const size of [1200, 800, 1600, 500]) {
		try {
			const { data, info } = await sharp(input, { limitInputPixels: MAX_INPUT_PIXELS })
				.rotate()
				.resize({ width: size, height: size, fit: 'inside', withoutEnlargement: true })
				.ensureAlpha()
				.raw()
				.toBuffer({ resolveWithObject: true });
			const code = jsQR(new Uint8ClampedArray(data.buffer, data.byteOffset, data.length), info.width, info.height, { inversionAttempts: 'attemptBoth' });
			if (code?.data) return code.data;
		} catch {
			throw new ValidationError('media.unreadable');
		}
	}
	return null;
}
