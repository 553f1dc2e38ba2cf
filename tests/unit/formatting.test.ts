import { describe, expect, it } from 'vitest';
import { formatRupiah } from '../../src/lib/utils/money';
import { formatDate, formatDateTime, formatDayRange, formatDayShort, formatTime } from '../../src/lib/utils/dates';
import { formatWhatsappLocal, normalizeWhatsapp } from '../../src/lib/utils/phone';
import { MAX_WHATSAPP_URL, whatsappUrl } from '../../src/lib/utils/whatsapp';
import { newId, slugify } from '../../src/lib/utils/ids';
import { jsonLdScript } from '../../src/lib/utils/json-ld';

describe('formatRupiah', () => {
	it('should print whole rupiah with dots and no cents', () => {
		expect(formatRupiah(15000)).toBe('Rp\u00a015.000');
		expect(formatRupiah(1250000)).toBe('Rp\u00a01.250.000');
		expect(formatRupiah(0)).toBe('Rp\u00a00');
	});

	it('should join "Rp" to its amount with a no-break space, so the two never wrap apart (pages, PDFs, pictures, WhatsApp)', () => {
		for (const n of [0, 500, 15000, 1250000, 999999999, -15000, 1234.6]) {
			const s = formatRupiah(n);
			expect(s).toMatch(/^-?Rp\u00a0\d{1,3}(\.\d{3})*$/);
			expect(s).not.toMatch(/[ \u202f]/);
		}
		expect(formatRupiah(-15000)).toBe('-Rp\u00a015.000');
		expect(formatRupiah(1234.6)).toBe('Rp\u00a01.235');
	});
});

describe('dates', () => {
	it('should show the training time in WIB whatever the server time zone', () => {
		const iso = '2024-11-28T08:00:00.000Z'; // 15.00 WIB
		expect(formatDate(iso)).toBe('Kamis, 28 November 2024');
		expect(formatTime(iso)).toBe('15.00 WIB');
		expect(formatDateTime(iso)).toBe('Kamis, 28 November 2024 pukul 15.00 WIB');
		expect(formatDateTime(iso, 'en')).toBe('Thursday, 28 November 2024 at 15:00 WIB');
	});
	it('should roll the date over at midnight WIB, not UTC', () => {
		expect(formatDate('2024-11-28T17:30:00.000Z')).toBe('Jumat, 29 November 2024');
	});
	it('should show a day in the short form people write, in either language', () => {
		expect(formatDayShort('2024-11-28')).toBe('28 Nov 2024');
		expect(formatDayShort('2024-08-06')).toBe('6 Agu 2024');
		expect(formatDayShort('2024-10-28', 'en')).toBe('28 Oct 2024');
		expect(formatDayShort('2024-11-28T17:30:00.000Z')).toBe('29 Nov 2024');
		expect(formatDayShort('bukan tanggal')).toBe('bukan tanggal');
	});
	it('should show a period of days, one day when both ends are equal', () => {
		expect(formatDayRange('2024-10-28', '2024-12-06')).toBe('28 Okt 2024 – 6 Des 2024');
		expect(formatDayRange('2024-12-06', '2024-12-06')).toBe('6 Des 2024');
		expect(formatDayRange('2024-12-06', null)).toBe('6 Des 2024');
		expect(formatDayRange(null, '2024-12-06')).toBe('');
	});
});

describe('normalizeWhatsapp', () => {
	it.each([
		['0812-3456-7890', '6281234567890'],
		['+62 812 3456 7890', '6281234567890'],
		['6281234567890', '6281234567890'],
		['81234567890', '6281234567890'],
		['(0857) 1234 567', '628571234567']
	])('should normalise %s to %s', (input, out) => {
		expect(normalizeWhatsapp(input)).toBe(out);
	});
	it.each(['', '021 1234567', '0812', '08123456789012345', 'abc', '+1 415 555 0100', '0840 1234 5678', '0812<script>'])('should refuse %s', (input) => {
		expect(normalizeWhatsapp(input)).toBeNull();
	});
	it('should show a number the local way', () => {
		expect(formatWhatsappLocal('6281234567890')).toBe('0812-3456-7890');
	});
});

describe('whatsappUrl', () => {
	it('should encode the message for wa.me', () => {
		expect(whatsappUrl('6281234567890', 'Halo, pesan 2 & bayar?')).toBe('https://wa.me/6281234567890?text=Halo%2C%20pesan%202%20%26%20bayar%3F');
	});
	it('should keep very long messages under the URL limit without breaking an escape', () => {
		const url = whatsappUrl('6281234567890', 'Ketempling pedas 🌶️ '.repeat(400));
		expect(url.length).toBeLessThanOrEqual(MAX_WHATSAPP_URL);
		expect(() => decodeURIComponent(url.split('text=')[1])).not.toThrow();
	});
});

describe('ids', () => {
	it('should make prefixed unique ids', () => {
		const ids = new Set(Array.from({ length: 1000 }, () => newId('prod')));
		expect(ids.size).toBe(1000);
		for (const id of ids) expect(id).toMatch(/^prod_[0-9a-z]{19}$/);
	});
	it('should slugify Indonesian names', () => {
		expect(slugify('Ketempling JJ')).toBe('ketempling-jj');
		expect(slugify('Kue Basah Campur isi 20 (untuk hajatan)')).toBe('kue-basah-campur-isi-20-untuk-hajatan');
		expect(slugify('Gado-Gado Lontong')).toBe('gado-gado-lontong');
		expect(slugify('!!!')).toBe('item');
	});
});

describe('jsonLdScript', () => {
	it('should never let seller text close the script element', () => {
		const out = jsonLdScript({ name: '</script><script>alert(1)</script>' });
		expect(out.match(/<\/script>/g)).toHaveLength(1);
		expect(JSON.parse(out.slice(out.indexOf('>') + 1, out.lastIndexOf('<')))).toEqual({ name: '</script><script>alert(1)</script>' });
	});
});
