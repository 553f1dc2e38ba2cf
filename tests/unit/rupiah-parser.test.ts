import { describe, expect, it } from 'vitest';
import { parseRupiah } from '../../src/lib/utils/money';
import { deliverySchema } from '../../src/lib/validation/shop';
import { productInputFromForm, productPatchSchema } from '../../src/lib/validation/product';

describe('parseRupiah', () => {
	it.each([
		['3.000', 3000],
		['3000', 3000],
		['Rp 3.000', 3000],
		['Rp3.000', 3000],
		['rp. 3.000', 3000],
		['3.000,-', 3000],
		['3.000,00', 3000],
		[' 3 000 ', 3000],
		['1.250.000', 1250000],
		['0', 0],
		['15000', 15000],
		['15rb', 15_000],
		['15 ribu', 15_000],
		['Rp 15rb', 15_000],
		['15K', 15_000],
		['1,5rb', 1_500],
		['120jt', 120_000_000],
		['120 juta', 120_000_000],
		['1,5 jt', 1_500_000],
		['1.5jt', 1_500_000],
		['1,25 jt', 1_250_000],
		['Rp 2,5 juta', 2_500_000],
		['1.500 jt', 1_500_000_000],
		['5 jt.', 5_000_000]
	])('should read %j as %i', (typed, value) => {
		expect(parseRupiah(typed)).toBe(value);
	});

	it.each(['3,5', 'abc', '', 'Rp', '-5', '30.00', '3.0000', '3.000.5', '1e3', '3 000.000', '0x10', '3.000 abc', 'jt', '1,255 jt', '1,5', '2,5rb5', '5 m', '5 miliar', '1,5,5 jt', '-1 jt', '1.50.000 rb', '15 rbu'])('should refuse %j', (typed) => {
		expect(parseRupiah(typed)).toBeNull();
	});
});

describe('money fields read with the one parser', () => {
	const delivery = (localFee: string, minOrder = '0') => deliverySchema.safeParse({ pickup: 'on', local: 'on', courier: '', localFee, localArea: 'RW 03', minOrder });

	it('should store a delivery fee typed "3.000" as 3000, not 3', () => {
		for (const typed of ['3.000', '3000', 'Rp 3.000', 'Rp3.000', '3.000,-', ' 3 000 ']) {
			const r = delivery(typed, typed);
			expect(r.success && [r.data.localFee, r.data.minOrder]).toEqual([3000, 3000]);
		}
	});

	it('should refuse "3,5" and "abc" for the delivery fee and minimum order with the money message', () => {
		for (const typed of ['3,5', 'abc']) {
			const r = delivery(typed, typed);
			expect(r.success).toBe(false);
			const paths = r.error!.issues.map((i) => [i.path.join('.'), i.message]);
			expect(paths).toEqual([
				['localFee', 'msg:field.money.invalid'],
				['minOrder', 'msg:field.money.invalid']
			]);
		}
	});

	it('should read product and variant prices the same way', () => {
		const form = new FormData();
		form.set('price', 'Rp 15.000');
		form.set('variant.0.label', 'Pedas');
		form.set('variant.0.price', '16.000,-');
		form.set('variant.1.label', 'Manis');
		form.set('variant.1.price', '3,5');
		const r = productPatchSchema.safeParse(productInputFromForm(form));
		expect(r.success).toBe(false);
		expect(r.error!.issues.map((i) => [i.path.join('.'), i.message])).toEqual([['variants.1.price', 'msg:field.money.invalid']]);
		form.set('variant.1.price', ' 3 000 ');
		const ok = productPatchSchema.parse(productInputFromForm(form));
		expect([ok.price, ok.variants!.map((v) => v.price)]).toEqual([15000, [16000, 3000]]);
	});
});
