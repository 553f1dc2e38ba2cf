import sharp from 'sharp';
import { createHash } from 'node:crypto';

function escapeXml(s: string): string {
	return s.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c] as string);
}

function wrap(text: string, max: number): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/)) {
		if (line && (line + ' ' + word).length > max) {
			lines.push(line);
			line = word;
		} else line = line ? `${line} ${word}` : word;
	}
	if (line) lines.push(line);
	return lines.slice(0, 4);
}

/**
 * A deterministic, friendly stand-in for a product photo: warm colours from the name's hash, the name
 * large on a "plate". Returned as a JPEG, as a phone would send it, so it goes through the real pipeline.
 */
export async function placeholderPhoto(title: string, subtitle: string, variant = 0): Promise<Buffer> {
	const h = createHash('sha256').update(`${title}|${variant}`).digest();
	const hue = (h[0] * 360) / 256;
	const hue2 = (hue + 30 + (h[1] % 40)) % 360;
	const size = 900;
	const lines = wrap(title, 14);
	const lineHeight = 84;
	const startY = size / 2 - ((lines.length - 1) * lineHeight) / 2 + 10;
	const text = lines
		.map((l, i) => `<text x="450" y="${startY + i * lineHeight}" font-size="72" font-weight="700" text-anchor="middle" fill="#3b2414" font-family="DejaVu Sans, Liberation Sans, sans-serif">${escapeXml(l)}</text>`)
		.join('');
	const dots = Array.from({ length: 14 }, (_, i) => {
		const x = (h[(i * 2) % 32] / 255) * size;
		const y = (h[(i * 2 + 1) % 32] / 255) * size;
		return `<circle cx="${x.toFixed(0)}" cy="${y.toFixed(0)}" r="${18 + (h[i % 32] % 30)}" fill="hsl(${hue2},70%,80%)" opacity="0.5"/>`;
	}).join('');
	const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}" viewBox="0 0 ${size} ${size}">
<defs><linearGradient id="g" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="hsl(${hue},75%,62%)"/><stop offset="1" stop-color="hsl(${hue2},70%,48%)"/></linearGradient></defs>
<rect width="${size}" height="${size}" fill="url(#g)"/>${dots}
<circle cx="450" cy="450" r="330" fill="#fffaf0" stroke="hsl(${hue},60%,85%)" stroke-width="24"/>
${text}
<text x="450" y="${startY + lines.length * lineHeight + 20}" font-size="36" text-anchor="middle" fill="#7a5230" font-family="DejaVu Sans, Liberation Sans, sans-serif">${escapeXml(subtitle)}</text>
</svg>`;
	return sharp(Buffer.from(svg)).jpeg({ quality: 88 }).toBuffer();
}
