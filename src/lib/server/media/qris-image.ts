import QRCode from 'qrcode';
import sharp from 'sharp';

/** Side of the saved QRIS picture: large enough for a bank app's "scan from gallery", small to download. */
export const QRIS_PNG_SIZE = 720;

/**
 * A QRIS payload as a PNG the buyer saves to the phone's gallery and opens from their bank or e-wallet app
 * ("scan from gallery") — paying from the same phone that shows the code. Drawn as SVG by `qrcode`, rasterised
 * here (only media/ uses sharp), with the quiet zone the QR standard asks for.
 */
export async function qrisPng(payload: string): Promise<Buffer> {
	const svg = await QRCode.toString(payload, { type: 'svg', errorCorrectionLevel: 'M', margin: 4 });
	return sharp(Buffer.from(svg), { density: 300 }).resize(QRIS_PNG_SIZE, QRIS_PNG_SIZE, { kernel: 'nearest' }).flatten({ background: '#ffffff' }).png({ compressionLevel: 9, palette: true }).toBuffer();
}
