import { describe, expect, it } from 'vitest';
import { crc16, parseQris, QrisError, sampleQrisFor, SAMPLE_QRIS_NMID, toDynamicQris } from '../../src/lib/server/payments/qris';

const STATIC =
	'00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7';

describe('crc16', () => {
	it('should give the CCITT-FALSE check value', () => {
		expect(crc16('123456789')).toBe('29B1');
	});
});

describe('parseQris', () => {
	it('should read the published static sample', () => {
		const info = parseQris(STATIC);
		expect(info).toMatchObject({ isDynamic: false, merchantName: 'Warung Sayur Bu Sugeng', merchantCity: 'Kab. Demak', nmid: 'ID1020017611473', amount: null });
	});
	it.each([
		['a bad CRC', STATIC.slice(0, -4) + '0000', 'bad_crc'],
		['a missing tag 58', (() => { const b = STATIC.replace('5802ID', '').slice(0, -4); return b + crc16(b); })(), 'missing_field'],
		['a non-QRIS QR', 'https://example.com/bayar?id=123456789012345678901234567890', 'malformed'],
		['a cut payload', STATIC.slice(0, 80), 'malformed'],
		['a non-numeric amount', (() => { const b = STATIC.slice(0, -4).replace('5802ID', '5403abc5802ID'); return b + crc16(b); })(), 'bad_amount']
	])('should refuse %s', (_label, payload, code) => {
		expect(() => parseQris(payload)).toThrowError(QrisError);
		try {
			parseQris(payload);
		} catch (e) {
			expect((e as QrisError).code).toBe(code);
		}
	});
});

describe('toDynamicQris', () => {
	it('should match the brief test vector for Rp 25.000', () => {
		const dyn = toDynamicQris(STATIC, 25000);
		expect(dyn).toContain('5303360' + '540525000' + '5802ID');
		expect(dyn.startsWith('000201010212')).toBe(true);
		expect(dyn.endsWith('630468D5')).toBe(true);
	});
	it.each([1, 999, 25000, 1_500_000, 9_999_999_999_999])('should round-trip amount %i', (amount) => {
		const info = parseQris(toDynamicQris(STATIC, amount));
		expect(info.isDynamic).toBe(true);
		expect(info.amount).toBe(amount);
		expect(info.merchantName).toBe('Warung Sayur Bu Sugeng');
		// converting a dynamic code again replaces the amount instead of adding a second one
		expect(parseQris(toDynamicQris(toDynamicQris(STATIC, amount), 5000)).fields.filter((f) => f.tag === '54')).toEqual([{ tag: '54', value: '5000' }]);
	});
	it.each([0, -5, 1.5, 10_000_000_000_000, Number.NaN])('should refuse amount %s', (amount) => {
		expect(() => toDynamicQris(STATIC, amount)).toThrowError(/bad_amount/);
	});
	it('should drop tip and fee fields instead of charging the buyer', () => {
		const withTip = (() => { const b = STATIC.slice(0, -4).replace('5802ID', '550202' + '5802ID'); return b + crc16(b); })();
		expect(parseQris(toDynamicQris(withTip, 10000)).fields.map((f) => f.tag)).not.toContain('55');
	});
});

describe('sampleQrisFor', () => {
	it('should put the demo shop\'s name and city in the sample, keep every other field and give a valid CRC', () => {
		const payload = sampleQrisFor('Sambal MT', 'Kab. Kuningan');
		const info = parseQris(payload); // throws on a bad CRC
		expect(info).toMatchObject({ isDynamic: false, merchantName: 'Sambal MT', merchantCity: 'Kab. Kuningan', nmid: SAMPLE_QRIS_NMID });
		expect(payload).not.toContain('Sugeng');
		expect(payload).not.toContain('Demak');
		const kept = (p: string) => parseQris(p).fields.filter((f) => !['59', '60', '61', '63'].includes(f.tag));
		expect(kept(payload)).toEqual(kept(STATIC));
		expect(payload.slice(-4)).toBe(crc16(payload.slice(0, -4)));
		// a one-off code for an amount keeps the shop's name
		expect(parseQris(toDynamicQris(payload, 25000))).toMatchObject({ isDynamic: true, amount: 25000, merchantName: 'Sambal MT' });
	});
	it('should fit QRIS limits: 25 characters of name, 15 of city, printable ASCII only', () => {
		const info = parseQris(sampleQrisFor('Keripik Singkong Balado Ibu Éti Cigadung', 'Kabupaten Kuningan Jawa Barat'));
		expect(info.merchantName).toBe('Keripik Singkong Balado I');
		expect(info.merchantCity).toBe('Kabupaten Kunin');
		expect(parseQris(sampleQrisFor('🌶️', '')).merchantName).toBe('Toko Contoh');
	});
});

describe('readQrFromPhoto', () => {
	it('should read a QRIS sticker from a photo and say so when there is none', async () => {
		const { readQrFromPhoto } = await import('../../src/lib/server/media/qr-reader');
		const QRCode = (await import('qrcode')).default;
		const sharp = (await import('sharp')).default;
		const qr = await QRCode.toBuffer(STATIC, { width: 500, margin: 2 });
		// The sticker photographed on a table: rotated a little, on a bigger background, as JPEG.
		const photo = await sharp({ create: { width: 1400, height: 1000, channels: 3, background: '#8a6a4a' } })
			.composite([{ input: await sharp(qr).rotate(3, { background: '#ffffff' }).toBuffer(), left: 400, top: 200 }])
			.jpeg({ quality: 85 })
			.toBuffer();
		expect(await readQrFromPhoto(photo)).toBe(STATIC);
		const blank = await sharp({ create: { width: 800, height: 600, channels: 3, background: '#ffffff' } }).jpeg().toBuffer();
		expect(await readQrFromPhoto(blank)).toBeNull();
		await expect(readQrFromPhoto(Buffer.from('bukan foto'))).rejects.toMatchObject({ messageKey: 'media.notImage' });
	});
});
