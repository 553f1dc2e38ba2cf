import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { callRoute, routeByKey } from '../helpers/routes';
import type { Actor } from '../../src/lib/server/auth/actor';
import { DomainError } from '../../src/lib/server/errors';
import { postEntry } from '../../src/lib/server/cashbook/post-entry';
import { newFormToken } from '../../src/lib/server/cashbook/form-token';
import { formTokenOf } from '../../src/lib/server/web/cashbook-form';

/**
 * Issue 11, the double tap: every cash-book form that creates money records carries a one-time token, the API an
 * `Idempotency-Key`. The same token again — one after the other, or several at the same moment — stores exactly one
 * record and answers with it ("Sudah tercatat"); another shop's same token is unrelated; another tenant gets 404.
 * A hand entry stored with a token stays a hand entry (not "otomatis", correctable).
 */
let ctx: TestContext;
const now = new Date('2026-11-30T05:00:00.000Z'); // 12.00 WIB
let shopId: string;
let otherShopId: string;
let seller: Actor;
let otherSeller: Actor;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	const s = ctx.services;
	const community = await makeCommunity(s, { slug: 'desa-kas-token' });
	const a = await s.members.addSeller(system, community, { name: 'Bu Token', businessType: 'Penjual kue', whatsapp: '0812 7777 0001' });
	const b = await s.members.addSeller(system, community, { name: 'Bu Sebelah', businessType: 'Penjual opak', whatsapp: '0812 7777 0002' });
	shopId = a.shopId;
	otherShopId = b.shopId;
	seller = (await s.auth.loadActor(a.userId))!;
	otherSeller = (await s.auth.loadActor(b.userId))!;
}, 60_000);
afterAll(() => ctx.cleanup());

const db = () => ctx.database.db;
const count = async (table: 'cash_entry' | 'cash_debt' | 'cash_debt_payment', shop: string) =>
	Number((await db().selectFrom(table).select((eb) => eb.fn.countAll<string>().as('n')).where('shop_id', '=', shop).executeTakeFirstOrThrow()).n);
const digest = async () =>
	JSON.stringify([
		await db().selectFrom('cash_entry').selectAll().orderBy('id').execute(),
		await db().selectFrom('cash_debt').selectAll().orderBy('id').execute(),
		await db().selectFrom('cash_debt_payment').selectAll().orderBy('id').execute()
	]);
async function refusal(p: Promise<unknown>): Promise<DomainError> {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	expect(e, 'should have been refused').toBeInstanceOf(DomainError);
	return e as DomainError;
}
const sale = { kind: 'income', amount: '24.000', method: 'tunai' };
const cash = () => ctx.services.cashbook;
const debts = () => ctx.services.debts;
const call = async (key: string, actor: Actor, req: Parameters<typeof callRoute>[2]) => callRoute(await routeByKey(key), { services: ctx.services, actor, locale: 'id' }, req);
/** The form's token as FormToken.svelte carries it: one `kt` checkbox per set bit. */
const ticks = (token: string) => Array.from({ length: 64 }, (_, i) => i).filter((i) => (BigInt(`0x${token}`) >> BigInt(i)) & 1n).map(String);

describe(`cash-book one-time tokens (${TEST_DIALECT})`, () => {
	it('should store a sale once when its token comes again, answering with the first entry', async () => {
		const token = newFormToken();
		const before = await count('cash_entry', shopId);
		const first = await cash().recordOnce(seller, shopId, sale, token);
		expect(first.replayed).toBe(false);
		// the second submission may even differ (a tampered or re-filled form): nothing new, the first entry back
		const again = await cash().recordOnce(seller, shopId, { ...sale, amount: '99.000' }, token);
		expect(again).toEqual({ entry: first.entry, replayed: true });
		expect(await count('cash_entry', shopId)).toBe(before + 1);
		// without a token every submission is its own entry (two sales of the same amount are two sales)
		await cash().recordOnce(seller, shopId, sale, null);
		await cash().recordOnce(seller, shopId, sale, null);
		expect(await count('cash_entry', shopId)).toBe(before + 3);
	});

	it('should store exactly one entry when the same token arrives several times at the same moment', async () => {
		const token = newFormToken();
		const before = await count('cash_entry', shopId);
		const results = await Promise.all(Array.from({ length: 5 }, () => cash().recordOnce(seller, shopId, sale, token)));
		expect(await count('cash_entry', shopId)).toBe(before + 1);
		expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
		expect(results.filter((r) => !r.replayed)).toHaveLength(1);
	});

	it('should keep tokens to their shop: another shop using the same token records its own entry and sees nothing of the first', async () => {
		const token = newFormToken();
		const mine = await cash().recordOnce(seller, shopId, sale, token);
		const theirs = await cash().recordOnce(otherSeller, otherShopId, { ...sale, amount: 5000 }, token);
		expect(theirs.replayed).toBe(false);
		expect(theirs.entry.id).not.toBe(mine.entry.id);
		expect(theirs.entry.amount).toBe(5000);
		// and my token again still answers with my entry
		expect((await cash().recordOnce(seller, shopId, sale, token)).entry.id).toBe(mine.entry.id);
	});

	it('should answer another tenant 404 with a token of this shop, changing nothing and showing nothing', async () => {
		const token = newFormToken();
		await cash().recordOnce(seller, shopId, sale, token);
		const before = await digest();
		expect((await refusal(cash().recordOnce(otherSeller, shopId, sale, token))).status).toBe(404);
		expect((await refusal(debts().createOnce(otherSeller, shopId, { direction: 'receivable', name: 'X', amount: 1000 }, token))).status).toBe(404);
		expect(await digest()).toBe(before);
	});

	it('should refuse a malformed token (400, nothing stored)', async () => {
		const before = await digest();
		for (const bad of ['pendek', 'x'.repeat(101), 'ada spasi di sini', '<script>alert(1)</script>']) {
			const e = await refusal(cash().recordOnce(seller, shopId, sale, bad));
			expect(e.status).toBe(400);
			expect(e.messageKey).toBe('cashbook.token.invalid');
		}
		expect(await digest()).toBe(before);
	});

	it('should keep a hand entry stored with a token a hand entry: not automatic, and correctable (once per token)', async () => {
		const { entry } = await cash().recordOnce(seller, shopId, { kind: 'expense', amount: 7000, method: 'tunai', category: 'kemasan' }, newFormToken());
		expect(entry.source).toBeNull();
		const reverseToken = newFormToken();
		const reversal = await cash().reverseOnce(seller, entry.id, { reason: 'salah ketik' }, reverseToken);
		expect(reversal.replayed).toBe(false);
		expect(reversal.entry).toMatchObject({ amount: -7000, reversesId: entry.id, source: null });
		// the correction form sent again: the same reversal, not "sudah dikoreksi"
		expect(await cash().reverseOnce(seller, entry.id, { reason: 'salah ketik' }, reverseToken)).toEqual({ entry: reversal.entry, replayed: true });
		// a new form (another token) is told it was corrected already
		expect((await refusal(cash().reverseOnce(seller, entry.id, {}, newFormToken()))).messageKey).toBe('cashbook.reverse.already');
	});

	it('should still refuse to correct an order or debt posting by hand (automatic), whatever else has a source', async () => {
		for (const ref of [`order:tok-${newFormToken()}`, `debt:byr_${newFormToken()}`]) {
			const id = (await postEntry(db(), { shopId, kind: 'income', amount: 5000, occurredOn: '2026-11-30', category: 'penjualan', method: 'tunai', sourceRef: ref, byUserId: null, at: now.toISOString() }))!;
			const { entry } = await cash().get(seller, id);
			expect(entry.source).toBe(ref);
			expect((await refusal(cash().reverse(seller, id))).messageKey).toBe('cashbook.reverse.automatic');
		}
	});

	it('should store one reversal when the correction form is sent twice at the same moment', async () => {
		const { entry } = await cash().recordOnce(seller, shopId, { kind: 'expense', amount: 3000, method: 'qris', category: 'transport' }, newFormToken());
		const token = newFormToken();
		const results = await Promise.all([1, 2, 3].map(() => cash().reverseOnce(seller, entry.id, {}, token)));
		expect(new Set(results.map((r) => r.entry.id)).size).toBe(1);
		expect(await db().selectFrom('cash_entry').select('id').where('reverses_id', '=', entry.id).execute()).toHaveLength(1);
	});

	it('should record a debt once per token (also at the same moment), the other shop unaffected', async () => {
		const token = newFormToken();
		const input = { direction: 'receivable', name: 'Bu Siti', amount: '150.000' };
		const before = await count('cash_debt', shopId);
		const results = await Promise.all([1, 2, 3].map(() => debts().createOnce(seller, shopId, input, token)));
		expect(await count('cash_debt', shopId)).toBe(before + 1);
		expect(new Set(results.map((r) => r.debt.id)).size).toBe(1);
		expect(results.filter((r) => r.replayed)).toHaveLength(2);
		const theirs = await debts().createOnce(otherSeller, otherShopId, input, token);
		expect(theirs.replayed).toBe(false);
		expect(theirs.debt.id).not.toBe(results[0].debt.id);
	});

	it('should record a payment once per token (also at the same moment): paid and the book grow once', async () => {
		const { debt } = await debts().createOnce(seller, shopId, { direction: 'receivable', name: 'Pak Ujang', amount: 100000 }, null);
		const token = newFormToken();
		const entriesBefore = await count('cash_entry', shopId);
		const results = await Promise.all([1, 2, 3].map(() => debts().pay(seller, debt.id, { amount: 40000, method: 'tunai' }, undefined, token)));
		expect(new Set(results.map((r) => r.payment.id)).size).toBe(1);
		expect(results.filter((r) => !r.replayed)).toHaveLength(1);
		expect(await count('cash_entry', shopId)).toBe(entriesBefore + 1);
		const now_ = await debts().get(seller, debt.id);
		expect(now_.debt.paid).toBe(40000);
		expect(now_.payments).toHaveLength(1);
		// paying it off in full, then sending that form again: still "recorded", not "sudah lunas"
		const last = newFormToken();
		await debts().pay(seller, debt.id, { amount: 60000, method: 'transfer' }, undefined, last);
		const again = await debts().pay(seller, debt.id, { amount: 60000, method: 'transfer' }, undefined, last);
		expect(again.replayed).toBe(true);
		expect(again.debt).toMatchObject({ paid: 100000, state: 'paid' });
		// the same token on another debt of the shop is not a replay of this one
		const { debt: other } = await debts().createOnce(seller, shopId, { direction: 'receivable', name: 'Bu Lain', amount: 100000 }, null);
		const before = await digest();
		expect((await refusal(debts().pay(seller, other.id, { amount: 1000, method: 'tunai' }, undefined, last))).messageKey).toBe('cashbook.token.used');
		expect(await digest()).toBe(before);
	});

	it('should read a page form token from its checkboxes (formTokenOf) and refuse a forged one', () => {
		const token = newFormToken();
		const fd = new FormData();
		for (const i of ticks(token)) fd.append('kt', i);
		expect(formTokenOf(fd)).toBe(token);
		expect(formTokenOf(new FormData())).toBeNull();
		for (const bad of ['64', '-1', 'x', '1e1']) {
			const f = new FormData();
			f.append('kt', bad);
			expect(() => formTokenOf(f)).toThrow(DomainError);
		}
	});

	describe('forms and API', () => {
		it('should answer the quick sale form sent twice with "Sudah tercatat" and one entry', async () => {
			const token = newFormToken();
			const before = await count('cash_entry', shopId);
			const form = { amount: '12.500', method: 'qris', kt: ticks(token) };
			const first = await call('POST /jual/kas?/catat', seller, { form });
			expect(first.status).toBe(303);
			const second = await call('POST /jual/kas?/catat', seller, { form });
			expect(second.status).toBe(303);
			expect(await count('cash_entry', shopId)).toBe(before + 1);
			expect(first.cookiesSet.ecrav_kas).toMatch(/^kas_/);
			expect(second.cookiesSet.ecrav_kas).toBe(`lagi.${first.cookiesSet.ecrav_kas}`);
		});

		it('should record a debt, a payment and a correction once per form token', async () => {
			const token = newFormToken();
			const created = await call('POST /jual/kas/utang/baru?/default', seller, { form: { direction: 'receivable', name: 'Bu Form', amount: '50.000', kt: ticks(token) } });
			expect(created.location).toMatch(/tersimpan=created$/);
			const again = await call('POST /jual/kas/utang/baru?/default', seller, { form: { direction: 'receivable', name: 'Bu Form', amount: '50.000', kt: ticks(token) } });
			expect(again.location).toBe(created.location!.replace('tersimpan=created', 'tersimpan=createdAgain'));
			const id = created.location!.split('/').pop()!.split('?')[0];
			const pay = newFormToken();
			const paid = await call('POST /jual/kas/utang/[id]?/bayar', seller, { params: { id }, form: { amount: '20.000', method: 'tunai', kt: ticks(pay) } });
			expect(paid.location).toMatch(/tersimpan=paid$/);
			const paidAgain = await call('POST /jual/kas/utang/[id]?/bayar', seller, { params: { id }, form: { amount: '20.000', method: 'tunai', kt: ticks(pay) } });
			expect(paidAgain.location).toMatch(/tersimpan=paidAgain$/);
			expect((await debts().get(seller, id)).debt.paid).toBe(20000);

			const { entry } = await cash().recordOnce(seller, shopId, { kind: 'prive', amount: 8000, method: 'tunai' }, null);
			const fix = newFormToken();
			const form = { confirm: 'on', reason: 'salah', kt: ticks(fix) };
			const r1 = await call('POST /jual/kas/[entry]?/koreksi', seller, { params: { entry: entry.id }, form });
			const r2 = await call('POST /jual/kas/[entry]?/koreksi', seller, { params: { entry: entry.id }, form });
			expect([r1.status, r2.status]).toEqual([303, 303]);
			expect(r2.cookiesSet.ecrav_kas).toBe(`lagi.${r1.cookiesSet.ecrav_kas}`);
		});

		it('should take an Idempotency-Key on the API: 201 then 200 with the same record, once', async () => {
			const key = crypto.randomUUID();
			const headers = { 'idempotency-key': key };
			const before = await count('cash_entry', shopId);
			const a = await call('POST /api/v1/shops/[shopId]/cashbook/entries', seller, { params: { shopId }, json: { kind: 'income', amount: 30000, method: 'transfer' }, headers });
			const b = await call('POST /api/v1/shops/[shopId]/cashbook/entries', seller, { params: { shopId }, json: { kind: 'income', amount: 30000, method: 'transfer' }, headers });
			expect([a.status, b.status]).toEqual([201, 200]);
			expect(b.headers?.get('idempotent-replayed')).toBe('true');
			expect(b.body).toEqual(a.body);
			expect(await count('cash_entry', shopId)).toBe(before + 1);

			const r1 = await call('POST /api/v1/shops/[shopId]/receivables', seller, { params: { shopId }, json: { customer: { name: 'Bu Api' }, amount: 40000 }, headers });
			const r2 = await call('POST /api/v1/shops/[shopId]/receivables', seller, { params: { shopId }, json: { customer: { name: 'Bu Api' }, amount: 40000 }, headers });
			expect([r1.status, r2.status]).toEqual([201, 200]);
			const debtId = (r1.body as { id: string }).id;
			expect((r2.body as { id: string }).id).toBe(debtId);

			const p1 = await call('POST /api/v1/receivables/[id]/payments', seller, { params: { id: debtId }, json: { amount: 10000, method: 'tunai' }, headers });
			const p2 = await call('POST /api/v1/receivables/[id]/payments', seller, { params: { id: debtId }, json: { amount: 10000, method: 'tunai' }, headers });
			expect([p1.status, p2.status]).toEqual([201, 200]);
			expect((await debts().get(seller, debtId)).debt.paid).toBe(10000);

			const bad = await call('POST /api/v1/shops/[shopId]/cashbook/entries', seller, { params: { shopId }, json: { kind: 'income', amount: 30000, method: 'transfer' }, headers: { 'idempotency-key': 'a b' } });
			expect(bad.status).toBe(400);
			expect(JSON.stringify(bad.body)).toContain('Idempotency-Key');
		});
	});
});
