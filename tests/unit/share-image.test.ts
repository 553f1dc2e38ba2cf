import { describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { drawableText, escapeXml, renderShareImage, shareSvg, textWidth, wrapText } from '../../src/lib/server/media/share-image';

/** Every <text> element of the SVG, which must hold nothing but characters (no child elements). */
function textElements(svg: string): string[] {
	return [...svg.matchAll(/<text\b[^>]*>([\s\S]*?)<\/text>/g)].map((m) => m[1]);
}

describe('shareSvg', () => {
	const hostile = '</text><image href="https://evil.example/x.png"/><text>Keripik';

	it('should keep a name full of markup as text: no element of its own, every character escaped', () => {
		for (const format of ['og', 'status'] as const) {
			for (const withPhoto of [true, false]) {
				const svg = shareSvg({ name: hostile, price: 'Rp\u00a015.000', shopName: 'Toko <b>"Jaya"</b> & \'Sons\'', footer: 'Desa <x>' }, format, withPhoto);
				expect(svg).not.toContain('<image');
				expect(svg).not.toContain('<b>');
				const texts = textElements(svg);
				for (const t of texts) expect(t).not.toMatch(/[<>]/);
				expect(texts.join(' ')).toContain('&lt;/text&gt;&lt;image');
				expect(texts.join(' ')).toContain('Toko &lt;b&gt;&quot;Jaya&quot;&lt;/b&gt; &amp;');
				expect(shareSvg({ name: "'", price: '', shopName: '' }, format, withPhoto)).toContain('&apos;');
				// The whole document is exactly one <svg> holding rects and texts.
				expect(svg.replace(/<text\b[^>]*>[^<]*<\/text>/g, '').replace(/<rect\b[^>]*\/>/g, '')).toMatch(/^<svg [^>]*><\/svg>$/);
			}
		}
	});

	it('should render the hostile name as pixels of text, not fetch or embed anything', async () => {
		const data = await renderShareImage({ name: hostile, price: 'Rp\u00a015.000', shopName: 'Toko' }, 'og', null);
		const meta = await sharp(data).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1200, 630]);
	});

	it('should drop characters XML forbids and emoji the font cannot draw', () => {
		expect(escapeXml('a\u0000b\u0007c\u001fd')).toBe('abcd');
		expect(drawableText('Sambal 🌶️🔥 Bu\nSri 👍🏽 🇮🇩')).toBe('Sambal Bu Sri');
	});

	it('should not fail on an empty name or a photo that is not a picture', async () => {
		const data = await renderShareImage({ name: '   ', price: 'Rp\u00a01', shopName: '' }, 'status', Buffer.from('not a photo'));
		const meta = await sharp(data).metadata();
		expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 1080, 1080]);
	});
});

describe('wrapText', () => {
	it('should wrap within the width, at most the given lines, ending a cut text with an ellipsis', () => {
		const name = 'Keripik singkong pedas manis '.repeat(8).trim();
		const lines = wrapText(name, 500, 50, 3);
		expect(lines).toHaveLength(3);
		for (const l of lines) expect(textWidth(l, 50)).toBeLessThanOrEqual(500);
		expect(lines[2].endsWith('…')).toBe(true);
	});

	it('should break a word longer than a line and keep a short name whole', () => {
		const lines = wrapText('A'.repeat(200), 400, 40, 4);
		expect(lines).toHaveLength(4);
		for (const l of lines) expect(textWidth(l, 40)).toBeLessThanOrEqual(400);
		expect(wrapText('Kopi Tubruk', 400, 40, 4)).toEqual(['Kopi Tubruk']);
	});

	it('should never split an emoji or other character made of two code units', () => {
		const lines = wrapText('𝒜'.repeat(60), 300, 40, 2);
		for (const l of lines) expect(l).not.toMatch(/[\ud800-\udbff](?![\udc00-\udfff])/);
	});
});
