import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_DIALECT, type TestContext } from '../helpers/db';
import { startDemoOrders } from '../helpers/demo-orders';
import type { UserActor } from '../../src/lib/server/auth/actor';
import { DebtService, reminderText } from '../../src/lib/server/cashbook/debt.service';
import { wibDay } from '../../src/lib/utils/dates';

/**
 * Issue 11: receivables (utang pelanggan) and payables (utang ke pemasok) — partial payments post to the book in the
 * same transaction as `paid`, never past the amount (also two at once), a polite reminder, write-offs kept; the seller's
 * alone (another seller, the coordinator, the facilitator → 404, nothing changed).
 */
let ctx: TestContext;
let jj: UserActor;
let mt: UserActor;
let coordinator: UserActor;
let facilitator: UserActor;
let mtShop: string;
let jjShop: string;
let n = 0;

beforeAll(async () => {
	({ ctx, jj, mt } = await startDemoOrders());
	const login = async (email: string) => (await ctx.services.auth.actorForToken((await ctx.services.auth.login({ login: email, password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token, 'cookie'))!.actor as UserActor;
	coordinator = await login('koordinator@cigadung.test');
	facilitator = await login('pendamping@cigadung.test');
	mtShop = mt.shopIds[0];
	jjShop = jj.shopIds[0];
}, 60_000);
afterAll(() => ctx.cleanup());

const receivable = (extra: Record<string, unknown> = {}) =>
	ctx.services.debts.create(mt, mtShop, { direction: 'receivable', name: `Bu Siti ${++n}`, whatsapp: '0812-3456-7890', amount: '150.000', dueDate: '2026-12-15', note: 'Nasi kotak arisan', ...extra });

const entriesOf = (shopId: string) => ctx.database.db.selectFrom('cash_entry').selectAll().where('shop_id', '=', shopId).where('source_ref', 'like', 'debt:%').execute();
const snapshot = async () => ({
	debts: await ctx.database.db.selectFrom('cash_debt').selectAll().orderBy('id').execute(),
	payments: await ctx.database.db.selectFrom('cash_debt_payment').selectAll().orderBy('id').execute(),
	entries: await ctx.database.db.selectFrom('cash_entry').select(['id', 'amount']).orderBy('id').execute()
});

describe(`${DebtService.name} (${TEST_DIALECT})`, () => {
	describe('create', () => {
		it('should record a receivable with the number normalised and post nothing yet', async () => {
			const before = (await entriesOf(mtShop)).length;
			const d = await receivable();
			expect(d).toMatchObject({ direction: 'receivable', whatsapp: '6281234567890', amount: 150000, paid: 0, outstanding: 150000, dueDate: '2026-12-15', state: 'open', category: 'penjualan', note: 'Nasi kotak arisan' });
			expect((await entriesOf(mtShop)).length).toBe(before);
		});

		it('should refuse bad input with a clear field message and store nothing', async () => {
			const before = await snapshot();
			const cases: [Record<string, unknown>, string, string][] = [
				[{ amount: '0' }, 'amount', 'cashbook.amount.range'],
				[{ amount: -5000 }, 'amount', 'cashbook.amount.range'],
				[{ amount: 1_000_000_000_001 }, 'amount', 'cashbook.amount.range'],
				[{ amount: 'seratus' }, 'amount', 'field.money.invalid'],
				[{ whatsapp: '12345' }, 'whatsapp', 'debts.whatsapp.invalid'],
				[{ dueDate: '2026-02-30' }, 'dueDate', 'debts.dueDate.invalid'],
				[{ name: 'A' }, 'name', 'debts.name.length'],
				[{ direction: 'gift' }, 'direction', 'debts.direction.invalid'],
				[{ direction: 'payable', category: 'penjualan' }, 'category', 'debts.category.invalid']
			];
			for (const [extra, field, key] of cases) {
				const e = await receivable(extra).then(
					() => null,
					(err) => err
				);
				expect(e, JSON.stringify(extra)).toMatchObject({ status: 400 });
				expect(e.issues.find((i: { field: string }) => i.field === field)?.messageKey, JSON.stringify(extra)).toBe(key);
			}
			expect(await snapshot()).toEqual(before);
		});

		it('should keep Rp 1 triliun exactly', async () => {
			const d = await receivable({ amount: 1_000_000_000_000 });
			const { debt } = await ctx.services.debts.get(mt, d.id);
			expect(debt.outstanding).toBe(1_000_000_000_000);
		});
	});

	describe('pay', () => {
		it('should post each partial payment as income in the same step, and settle at the amount', async () => {
			const d = await receivable();
			const today = wibDay(Date.now());
			const first = await ctx.services.debts.pay(mt, d.id, { amount: '50.000', method: 'tunai', date: today });
			expect(first.debt).toMatchObject({ paid: 50000, outstanding: 100000, state: 'open' });
			const entry = await ctx.database.db.selectFrom('cash_entry').selectAll().where('id', '=', first.payment.entryId).executeTakeFirstOrThrow();
			expect(entry).toMatchObject({ shop_id: mtShop, kind: 'income', amount: 50000, category: 'penjualan', method: 'tunai', occurred_on: today, source_ref: `debt:${first.payment.id}`, created_by: mt.userId });
			const second = await ctx.services.debts.pay(mt, d.id, { amount: 100000, method: 'qris' });
			expect(second.debt).toMatchObject({ paid: 150000, outstanding: 0, state: 'paid', whatsappUrl: null });
			expect((await ctx.services.debts.get(mt, d.id)).payments.map((p) => [p.amount, p.method])).toEqual([
				[50000, 'tunai'],
				[100000, 'qris']
			]);
		});

		it('should post a payable\'s payments as expenses under its category', async () => {
			const d = await ctx.services.debts.create(mt, mtShop, { direction: 'payable', name: 'Toko Cabai Pak Ujang', amount: 80000, category: 'bahan_baku' });
			const { payment } = await ctx.services.debts.pay(mt, d.id, { amount: 30000, method: 'transfer' });
			const entry = await ctx.database.db.selectFrom('cash_entry').selectAll().where('id', '=', payment.entryId).executeTakeFirstOrThrow();
			expect(entry).toMatchObject({ kind: 'expense', amount: 30000, category: 'bahan_baku', method: 'transfer' });
		});

		it('should refuse paying more than is owed (409, naming what is left) and change nothing', async () => {
			const d = await receivable();
			await ctx.services.debts.pay(mt, d.id, { amount: 120000, method: 'tunai' });
			const before = await snapshot();
			await expect(ctx.services.debts.pay(mt, d.id, { amount: 30001, method: 'tunai' })).rejects.toMatchObject({ status: 409, messageKey: 'debts.pay.tooMuch', params: { outstanding: 'Rp\u00a030.000' } });
			expect(await snapshot()).toEqual(before);
		});

		it('should let only one of two payments through when together they pass the amount, at the same moment', async () => {
			for (let round = 0; round < 3; round++) {
				const d = await receivable({ amount: 100000 });
				const results = await Promise.allSettled([60000, 60000, 60000].map((amount) => ctx.services.debts.pay(mt, d.id, { amount, method: 'tunai' })));
				expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
				for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ status: 409 });
				const { debt, payments } = await ctx.services.debts.get(mt, d.id);
				expect(debt.paid).toBe(60000);
				expect(payments).toHaveLength(1);
				const posted = await ctx.database.db.selectFrom('cash_entry').select('amount').where('source_ref', '=', `debt:${payments[0].id}`).execute();
				expect(posted.map((e) => Number(e.amount))).toEqual([60000]);
			}
		});

		it('should let two payments that fit both through at the same moment, each posted once', async () => {
			const d = await receivable({ amount: 100000 });
			await Promise.all([40000, 60000].map((amount) => ctx.services.debts.pay(mt, d.id, { amount, method: 'tunai' })));
			const { debt, payments } = await ctx.services.debts.get(mt, d.id);
			expect(debt).toMatchObject({ paid: 100000, state: 'paid' });
			const sum = await ctx.database.db.selectFrom('cash_entry').select((eb) => eb.fn.sum<number>('amount').as('s')).where('source_ref', 'in', payments.map((p) => `debt:${p.id}`)).executeTakeFirstOrThrow();
			expect(Number(sum.s)).toBe(100000);
		});

		it('should refuse a bad payment (zero, not a number, unknown method, tomorrow or later) and store nothing', async () => {
			const d = await receivable();
			const before = await snapshot();
			const tomorrow = new Date(Date.now() + 7 * 3_600_000 + 86_400_000).toISOString().slice(0, 10);
			for (const input of [{ amount: 1000, method: 'tunai', date: tomorrow }, { amount: 0, method: 'tunai' }, { amount: 'abc', method: 'tunai' }, { amount: 1000, method: 'cek' }, { amount: 1000, method: 'tunai', date: '2099-01-01' }, { amount: 1000, method: 'tunai', date: '30/11/2026' }])
				await expect(ctx.services.debts.pay(mt, d.id, input), JSON.stringify(input)).rejects.toMatchObject({ status: 400 });
			expect(await snapshot()).toEqual(before);
		});
	});

	it('should refuse a payment dated before the debt was recorded (WIB), saying from which day, and store nothing', async () => {
		const d = await receivable();
		const recorded = wibDay(Date.parse(d.createdAt));
		const dayBefore = new Date(Date.parse(`${recorded}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
		const before = await snapshot();
		const e = await ctx.services.debts.pay(mt, d.id, { amount: 1000, method: 'tunai', date: dayBefore }).then(() => null, (x: unknown) => x as { status: number; issues: unknown[] });
		expect(e?.status).toBe(400);
		expect(e?.issues).toEqual([{ field: 'date', messageKey: 'debts.pay.beforeDebt', params: { day: expect.stringContaining(recorded.slice(0, 4)) } }]);
		expect(await snapshot()).toEqual(before);
		// the day it was recorded is fine
		expect((await ctx.services.debts.pay(mt, d.id, { amount: 1000, method: 'tunai', date: recorded })).payment.date).toBe(recorded);
	});

	describe('list', () => {
		it('should put what is still owed first, overdue and oldest due at the top, with the total outstanding', async () => {
			const seller = jj;
			const make = (name: string, dueDate: string | undefined, amount = 10000) => ctx.services.debts.create(seller, jjShop, { direction: 'receivable', name, amount, dueDate });
			const later = await make('Due later', '2099-12-31');
			const undated = await make('No due', undefined);
			const overdueNew = await make('Overdue new', '2020-06-01');
			await make('Overdue old', '2020-01-01');
			const paid = await make('Paid', '2020-01-01', 5000);
			await ctx.services.debts.pay(seller, paid.id, { amount: 5000, method: 'tunai' });
			const list = await ctx.services.debts.list(seller, jjShop, 'receivable');
			expect(list.debts.map((d) => d.name)).toEqual(['Overdue old', 'Overdue new', 'Due later', 'No due', 'Paid']);
			expect(list).toMatchObject({ totalOutstanding: 40000, openCount: 4, overdueCount: 2 });
			expect(list.debts[0].overdue).toBe(true);
			expect([later, undated, overdueNew].every((d) => d.state === 'open')).toBe(true);
			expect((await ctx.services.debts.list(seller, jjShop, 'payable')).debts).toEqual([]);
		});
	});

	describe('reminder', () => {
		it('should be a polite Indonesian wa.me message with the name, what is left and the shop name', async () => {
			const d = await receivable({ name: 'Bu Siti', dueDate: '2026-12-15' });
			const { debt } = await ctx.services.debts.pay(mt, d.id, { amount: 50000, method: 'tunai' });
			const url = new URL(debt.whatsappUrl!);
			expect(url.origin + url.pathname).toBe('https://wa.me/6281234567890');
			expect(url.searchParams.get('text')).toBe('Halo Bu Siti, ini dari Sambal MT. Sekadar mengingatkan, masih ada sisa pembayaran Rp\u00a0100.000 yang jatuh tempo Selasa, 15 Desember 2026. Kalau sudah dibayar, mohon abaikan pesan ini. Terima kasih banyak.');
			expect(reminderText('Pak Ujang', 'Toko A', 5000, null)).toBe('Halo Pak Ujang, ini dari Toko A. Sekadar mengingatkan, masih ada sisa pembayaran Rp\u00a05.000. Kalau sudah dibayar, mohon abaikan pesan ini. Terima kasih banyak.');
			expect((await receivable({ whatsapp: '' })).whatsappUrl).toBeNull();
		});
	});

	describe('cancel', () => {
		it('should write a debt off with its reason kept, refuse payments after, and keep earlier payments in the book', async () => {
			const d = await receivable();
			const { payment } = await ctx.services.debts.pay(mt, d.id, { amount: 20000, method: 'tunai' });
			await expect(ctx.services.debts.cancel(mt, d.id, { reason: 'x' })).rejects.toMatchObject({ status: 400 });
			await ctx.services.debts.cancel(mt, d.id, { reason: 'Pelanggan pindah, direlakan' });
			const { debt } = await ctx.services.debts.get(mt, d.id);
			expect(debt).toMatchObject({ state: 'cancelled', outstanding: 0, paid: 20000, cancelReason: 'Pelanggan pindah, direlakan', whatsappUrl: null });
			await expect(ctx.services.debts.pay(mt, d.id, { amount: 1000, method: 'tunai' })).rejects.toMatchObject({ status: 409, messageKey: 'debts.pay.cancelled' });
			await expect(ctx.services.debts.cancel(mt, d.id, { reason: 'Lagi' })).rejects.toMatchObject({ status: 409 });
			expect(await ctx.database.db.selectFrom('cash_entry').select('id').where('id', '=', payment.entryId).executeTakeFirst()).toBeTruthy();
			const list = await ctx.services.debts.list(mt, mtShop, 'receivable');
			expect(list.debts.find((x) => x.id === d.id)?.state).toBe('cancelled');
		});
	});

	describe('privacy', () => {
		it('should answer 404 to another shop\'s seller, the coordinator and the facilitator on every method, and change nothing', async () => {
			const d = await receivable();
			const before = await snapshot();
			for (const actor of [jj, coordinator, facilitator]) {
				await expect(ctx.services.debts.create(actor, mtShop, { direction: 'receivable', name: 'Penyusup', amount: 1000 })).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.debts.list(actor, mtShop, 'receivable')).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.debts.get(actor, d.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.debts.pay(actor, d.id, { amount: 1000, method: 'tunai' })).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.debts.cancel(actor, d.id, { reason: 'Bukan punya saya' })).rejects.toMatchObject({ status: 404 });
			}
			await expect(ctx.services.debts.get(mt, 'utg_does_not_exist')).rejects.toMatchObject({ status: 404 });
			expect(await snapshot()).toEqual(before);
		});
	});
});
