import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { issueMessage, toFieldIssues } from '../../src/lib/validation/issues';
import { translator } from '../../src/lib/i18n';

/** Stop-20 attacker: every wrong type, missing or unknown field read "harus bilangan bulat" (must be a whole number). */
describe(toFieldIssues.name, () => {
	const schema = z.strictObject({ name: z.string(), qty: z.number().int(), lines: z.array(z.string()), buyer: z.object({ name: z.string() }), price: z.number(), email: z.email() });
	const messages = (locale: 'id' | 'en', input: unknown) => {
		const r = schema.safeParse(input);
		if (r.success) throw new Error('expected a failure');
		const t = translator(locale);
		return Object.fromEntries(toFieldIssues(r.error).map((i) => [i.field, issueMessage(t, i)]));
	};

	it('should say what each field should have been, in Indonesian and in English', () => {
		const input = { qty: 1.5, lines: 'x', buyer: null, price: 'murah', email: 'bukan-email', status: 'published' };
		const id = messages('id', input);
		expect(id.name).toContain('wajib diisi');
		expect(id.qty).toContain('harus bilangan bulat');
		expect(id.lines).toContain('harus berupa daftar');
		expect(id.buyer).toContain('harus berupa objek');
		expect(id.price).toContain('harus berupa angka');
		expect(id.email).toContain('isinya tidak sesuai');
		expect(id.status).toContain('tidak dikenal');
		expect(Object.keys(id)).not.toContain('_');
		const en = messages('en', input);
		expect([en.name, en.lines, en.status]).toEqual([expect.stringContaining('is required'), expect.stringContaining('must be a list'), expect.stringContaining('is unknown')]);
		expect(Object.values(id).filter((m) => m.includes('bilangan bulat'))).toHaveLength(1);
	});
});
