import sharp from 'sharp';
import QRCode from 'qrcode';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The committed real-size phone photo (tests/fixtures/make-phone-photo.ts): 4000×3000, ~5.8 MB, EXIF GPS + orientation 6. */
export const PHONE_PHOTO = fileURLToPath(new URL('../fixtures/phone-photo.jpg', import.meta.url));

/** The brief's sample static QRIS (Warung Sayur Bu Sugeng). */
export const SAMPLE_QRIS =
	'00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7';

async function dir(): Promise<string> {
	return mkdtemp(join(tmpdir(), 'ecrav-photos-'));
}

/** The phone photo with a printed QRIS sticker in it: still 4000×3000, several MB, with the phone's EXIF (GPS). */
export async function qrisStickerPhoto(): Promise<string> {
	const qr = await QRCode.toBuffer(SAMPLE_QRIS, { type: 'png', width: 1400, margin: 4, errorCorrectionLevel: 'M' });
	const out = join(await dir(), 'IMG_20241128_101500.jpg');
	await sharp(PHONE_PHOTO)
		.composite([{ input: qr, left: 1300, top: 800 }])
		.jpeg({ quality: 90 })
		.keepExif()
		.toFile(out);
	return out;
}

/** A JPEG of `bytes` bytes (the phone photo padded after its end marker, as some camera apps do): past the 15 MB rule. */
export async function oversizePhoto(bytes: number): Promise<string> {
	const photo = await readFile(PHONE_PHOTO);
	const out = join(await dir(), `IMG_BESAR_${bytes}.jpg`);
	await writeFile(out, Buffer.concat([photo, Buffer.alloc(bytes - photo.length, 0x20)]));
	return out;
}
