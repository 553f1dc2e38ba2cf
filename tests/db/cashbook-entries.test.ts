import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import type { Actor } from '../../src/lib/server/auth/actor';
import { CashbookService } from '../../src/lib/server/cashbook/cashbook.service';
import { DomainError } from '../../src/lib/server/errors';

/**
 * The ledger (issue 11): entries of every kind, corrections as reversing entries (once, never of a reversal), the
 * one summary (= the sum of the entries, for random books), bad input refused with nothing stored, and a seller's
 * book closed to everyone else — another shop's seller, the community's coordinator — with 404 and nothing changed.
 */
let ctx: TestContext;
let now = new Date('2026-11-30T03:00:00.000Z'); // 10.00 WIB, Monday 30 November 2026
let shopId: string;
let otherShopId: string;
let seller: Actor;
let otherSeller: Actor;
let coordinator: Actor;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	const community = await makeCommunity(ctx.services, { slug: 'desa-buku-kas' });
	const s = ctx.services;
	const a = await s.members.addSeller(system, community, { name: 'Bu Sari', businessType: 'Penjual keripik', whatsapp: '0812 5555 0001' });
	const b = await s.members.addSeller(system, community, { name: 'Bu Tetangga', businessType: 'Penjual opak', whatsapp: '0812 5555 0002' });
	shopId = a.shopId;
	otherShopId = b.shopId;
	seller = (await s.auth.loadActor(a.userId))!;
	otherSeller = (await s.auth.loadActor(b.userId))!;
	const staffId = await s.auth.createUser(system, { name: 'Pak Koordinator', email: 'koordinator-kas@contoh.test', password: 'kunci-rahasia-kas-8' });
	await s.members.addRole(system, community, staffId, 'coordinator');
	coordinator = (await s.auth.loadActor(staffId))!;
}, 60_000);
afterAll(() => ctx.cleanup());

const cash = () => ctx.services.cashbook;
const rowCount = async () => Number((await ctx.database.db.selectFrom('cash_entry').select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow()).n);
const digest = async () => JSON.stringify(await ctx.database.db.selectFrom('cash_entry').selectAll().orderBy('id').execute()) + JSON.stringify(await ctx.database.db.selectFrom('cash_category').selectAll().orderBy('id').execute());
async function refusal(p: Promise<unknown>): Promise<DomainError> {
	const e = await p.then(
		() => null,
		(x: unknown) => x
	);
	expect(e, 'should have been refused').toBeInstanceOf(DomainError);
	return e as DomainError;
}

describe(`${CashbookService.name} (${TEST_DIALECT})`, () => {
	describe('record', () => {
		it('should record each kind, with today (WIB) as the day when none is given, and built-in default categories', async () => {
			const sale = await cash().record(seller, shopId, { kind: 'income', amount: '24.000', method: 'tunai' });
			expect(sale).toMatchObject({ kind: 'income', amount: 24000, date: '2026-11-30', category: 'penjualan', method: 'tunai', reversedBy: null, reversesId: null });
			const expense = await cash().record(seller, shopId, { kind: 'expense', amount: 15000, date: '2026-11-29', category: 'kemasan', method: 'qris', note: 'Plastik klip' });
			expect(expense).toMatchObject({ kind: 'expense', category: 'kemasan', note: 'Plastik klip', date: '2026-11-29' });
			const prive = await cash().record(seller, shopId, { kind: 'prive', amount: '50rb', method: 'tunai', category: 'kemasan' });
			expect(prive).toMatchObject({ kind: 'prive', amount: 50000, category: '' });
			const modal = await cash().record(seller, shopId, { kind: 'modal', amount: 100000, method: 'transfer' });
			expect(modal).toMatchObject({ kind: 'modal', category: '' });
			const stored = await ctx.database.db.selectFrom('cash_entry').select(['created_by', 'amount']).where('id', '=', sale.id).executeTakeFirstOrThrow();
			expect(stored).toEqual({ created_by: (seller as { userId: string }).userId, amount: 24000 });
		});

		it('should accept today (WIB) but refuse any later day, saying so, with nothing stored', async () => {
			expect((await cash().record(seller, shopId, { kind: 'income', amount: 1000, date: '2026-11-30', method: 'tunai' })).date).toBe('2026-11-30');
			const before = await digest();
			const e = await refusal(cash().record(seller, shopId, { kind: 'income', amount: 1000, date: '2026-12-01', method: 'tunai' }));
			expect(e.status).toBe(400);
			expect(e.issues).toEqual([{ field: 'date', messageKey: 'cashbook.date.future', params: {} }]);
			expect(await digest()).toBe(before);
		});

		it('should refuse bad amounts, days, methods, kinds and categories with a message per field and nothing stored', async () => {
			const good = { kind: 'income', amount: 1000, method: 'tunai' };
			const cases: [Record<string, unknown>, string, string][] = [
				[{ amount: 0 }, 'amount', 'cashbook.amount.range'],
				[{ amount: -5000 }, 'amount', 'cashbook.amount.range'],
				[{ amount: '-5.000' }, 'amount', 'cashbook.amount.range'],
				[{ amount: '-5000' }, 'amount', 'cashbook.amount.range'],
				[{ amount: '0' }, 'amount', 'cashbook.amount.range'],
				[{ amount: 1_000_000_000_001 }, 'amount', 'cashbook.amount.range'],
				[{ amount: '1.000.000.000.001' }, 'amount', 'cashbook.amount.range'],
				[{ amount: 'dua puluh ribu' }, 'amount', 'field.money.invalid'],
				[{ amount: 12.5 }, 'amount', 'field.money.invalid'],
				[{ amount: '' }, 'amount', 'cashbook.amount.required'],
				[{ amount: '   ' }, 'amount', 'cashbook.amount.required'],
				[{ amount: null }, 'amount', 'cashbook.amount.required'],
				[{ amount: undefined }, 'amount', 'cashbook.amount.required'],
				[{ date: '2026-02-30' }, 'date', 'cashbook.date.invalid'],
				[{ date: '30-11-2026' }, 'date', 'cashbook.date.invalid'],
				[{ date: '1999-12-31' }, 'date', 'date.yearRange'],
				[{ date: '9999-01-01' }, 'date', 'date.yearRange'],
				[{ method: 'kartu kredit' }, 'method', 'cashbook.method.invalid'],
				[{ method: undefined }, 'method', 'cashbook.method.invalid'],
				[{ kind: 'hadiah' }, 'kind', 'cashbook.kind.invalid'],
				[{ category: 'bahan_baku' }, 'category', 'cashbook.category.invalid'],
				[{ category: 'kat_tidak_ada' }, 'category', 'cashbook.category.invalid'],
				[{ note: 'x'.repeat(501) }, 'note', 'cashbook.note.tooLong']
			];
			const before = await digest();
			for (const [change, field, messageKey] of cases) {
				const e = await refusal(cash().record(seller, shopId, { ...good, ...change }));
				expect(e.status, JSON.stringify(change)).toBe(400);
				expect(e.issues.map((i) => [i.field, i.messageKey]), JSON.stringify(change)).toContainEqual([field, messageKey]);
			}
			expect(await digest()).toBe(before);
		});

		it('should keep a receipt photo privately and give it only to the seller', async () => {
			const jpeg = await sharp({ create: { width: 300, height: 400, channels: 3, background: { r: 240, g: 240, b: 230 } } }).jpeg().toBuffer();
			const e = await cash().record(seller, shopId, { kind: 'expense', amount: 32000, category: 'bahan_baku', method: 'tunai' }, jpeg);
			expect(e.hasPhoto).toBe(true);
			const key = (await ctx.database.db.selectFrom('cash_entry').select('photo_key').where('id', '=', e.id).executeTakeFirstOrThrow()).photo_key;
			expect(key).toMatch(/^r\//);
			const webp = await cash().photo(seller, e.id);
			expect((await sharp(webp).metadata()).format).toBe('webp');
			for (const other of [otherSeller, coordinator]) expect((await refusal(cash().photo(other, e.id))).status).toBe(404);
			const before = await digest();
			expect((await refusal(cash().record(seller, shopId, { kind: 'expense', amount: 1000, method: 'tunai' }, Buffer.from('bukan foto')))).messageKey).toBe('media.notImage');
			expect(await digest()).toBe(before);
		});
	});

	describe('reverse', () => {
		it('should add a reversing entry on the original day so the totals balance to zero, once', async () => {
			now = new Date('2026-12-03T03:00:00.000Z');
			const original = await cash().record(seller, shopId, { kind: 'expense', amount: 45000, date: '2026-12-02', category: 'transport', method: 'transfer' });
			const before = await cash().summary(seller, shopId, '2026-12-01', '2026-12-31');
			expect(before.expense).toBe(45000);
			const reversal = await cash().reverse(seller, original.id, { reason: 'Salah ketik' });
			expect(reversal).toMatchObject({ kind: 'expense', amount: -45000, date: '2026-12-02', category: 'transport', method: 'transfer', note: 'Salah ketik', reversesId: original.id });
			const after = await cash().summary(seller, shopId, '2026-12-01', '2026-12-31');
			expect(after).toEqual({ ...before, expense: 0, profit: before.profit + 45000, byMethod: { ...before.byMethod, transfer: before.byMethod.transfer + 45000 } });
			expect(after.byMethod.transfer).toBe(0);
			expect((await cash().get(seller, original.id)).entry.reversedBy).toBe(reversal.id);

			const rows = await rowCount();
			const again = await refusal(cash().reverse(seller, original.id));
			expect([again.status, again.messageKey]).toEqual([409, 'cashbook.reverse.already']);
			const ofReversal = await refusal(cash().reverse(seller, reversal.id));
			expect([ofReversal.status, ofReversal.messageKey]).toEqual([409, 'cashbook.reverse.ofReversal']);
			expect(await rowCount()).toBe(rows);
			now = new Date('2026-11-30T03:00:00.000Z');
		});

		it('should reverse once when two corrections arrive at the same moment', async () => {
			const original = await cash().record(seller, shopId, { kind: 'income', amount: 7000, method: 'qris' });
			const results = await Promise.allSettled([cash().reverse(seller, original.id), cash().reverse(seller, original.id), cash().reverse(seller, original.id)]);
			expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
			for (const r of results) if (r.status === 'rejected') expect((r.reason as DomainError).status).toBe(409);
			const reversals = await ctx.database.db.selectFrom('cash_entry').select('amount').where('reverses_id', '=', original.id).execute();
			expect(reversals).toEqual([{ amount: -7000 }]);
		});

		it('should refuse to reverse an automatic posting by hand (it is corrected where it came from)', async () => {
			const id = await ctx.database.db
				.insertInto('cash_entry')
				.values({ id: 'kas_auto_order', shop_id: shopId, kind: 'income', amount: 30000, occurred_on: '2026-11-30', category: 'penjualan', method: 'transfer', source_ref: 'order:ord_x', created_by: null, created_at: now.toISOString() })
				.returning('id')
				.executeTakeFirstOrThrow();
			const e = await refusal(cash().reverse(seller, id.id));
			expect([e.status, e.messageKey]).toEqual([409, 'cashbook.reverse.automatic']);
		});
	});

	describe('summary', () => {
		it('should equal the sums of the entries for random books (profit without prive and modal; net cash per method)', async () => {
			const community = await makeCommunity(ctx.services);
			const added = await ctx.services.members.addSeller(system, community, { name: 'Bu Acak', businessType: 'Penjual kue', whatsapp: '0812 5555 0099' });
			const owner = (await ctx.services.auth.loadActor(added.userId))!;
			const entry = fc.record({
				kind: fc.constantFrom('income', 'expense', 'prive', 'modal'),
				amount: fc.oneof(fc.integer({ min: 1, max: 5_000_000 }), fc.constant(1_000_000_000_000)),
				day: fc.integer({ min: 1, max: 30 }),
				method: fc.constantFrom('tunai', 'transfer', 'qris'),
				reverse: fc.boolean()
			});
			let run = 0;
			await fc.assert(
				fc.asyncProperty(fc.array(entry, { minLength: 0, maxLength: 12 }), async (book) => {
					// each run writes into a month of its own, so the runs do not see each other's entries
					run++;
					const month = `2025-${String((run % 12) + 1).padStart(2, '0')}`;
					const year = 2000 + Math.floor(run / 12);
					const ym = `${year}${month.slice(4)}`;
					const expected = { income: 0, expense: 0, prive: 0, modal: 0, byMethod: { tunai: 0, transfer: 0, qris: 0 } as Record<string, number> };
					for (const e of book) {
						const day = `${ym}-${String(Math.min(e.day, 28)).padStart(2, '0')}`;
						const saved = await cash().record(owner, added.shopId, { kind: e.kind, amount: e.amount, date: day, method: e.method });
						if (e.reverse) {
							await cash().reverse(owner, saved.id);
							continue;
						}
						expected[e.kind as 'income'] += e.amount;
						expected.byMethod[e.method] += e.kind === 'income' || e.kind === 'modal' ? e.amount : -e.amount;
					}
					const s = await cash().summary(owner, added.shopId, `${ym}-01`, `${ym}-28`);
					expect(s).toEqual({ ...expected, profit: expected.income - expected.expense });
					const viaBook = await cash().book(owner, added.shopId, { from: `${ym}-01`, to: `${ym}-28` });
					expect(viaBook.summary).toEqual(s);
					expect(viaBook.entries.reduce((sum, e) => sum + e.amount, 0)).toBe(expected.income + expected.expense + expected.prive + expected.modal);
				}),
				{ numRuns: 40, seed: Number(process.env.FC_SEED) || undefined }
			);
		}, 120_000);

		it('should list a range newest first with each entry’s reversal state, and refuse a bad range', async () => {
			const { entries, from, to } = await cash().book(seller, shopId, {});
			expect([from, to]).toEqual(['2026-11-01', '2026-11-30']);
			const days = entries.map((e) => e.date);
			expect(days).toEqual([...days].sort().reverse());
			expect(entries.some((e) => e.reversedBy)).toBe(true);
			expect((await refusal(cash().book(seller, shopId, { from: '2026-11-30', to: '2026-11-01' }))).issues[0].messageKey).toBe('cashbook.range.order');
			expect((await refusal(cash().book(seller, shopId, { from: '2024-01-01', to: '2026-11-01' }))).issues[0].messageKey).toBe('cashbook.range.tooLong');
			expect((await refusal(cash().book(seller, shopId, { from: 'kemarin' }))).status).toBe(400);
		});
	});

	describe('categories', () => {
		it('should add a shop’s own category, use it, and refuse the same name again kindly', async () => {
			const gas = await cash().addCategory(seller, shopId, { kind: 'expense', name: '  Gas   Elpiji ' });
			expect(gas).toMatchObject({ name: 'Gas Elpiji', kind: 'expense' });
			expect(gas.id).toMatch(/^kat_/);
			const e = await cash().record(seller, shopId, { kind: 'expense', amount: 22000, method: 'tunai', category: gas.id });
			expect([e.category, e.categoryName]).toEqual([gas.id, 'Gas Elpiji']);
			for (const name of ['gas elpiji', 'GAS  ELPIJI', 'Transport']) {
				const dup = await refusal(cash().addCategory(seller, shopId, { kind: 'expense', name }));
				expect([dup.status, dup.messageKey], name).toEqual([409, 'cashbook.category.duplicate']);
			}
			// an income category of that name is another category
			await cash().addCategory(seller, shopId, { kind: 'income', name: 'Gas elpiji' });
			// an expense category is no income category, and another shop cannot use it
			expect((await refusal(cash().record(seller, shopId, { kind: 'income', amount: 1000, method: 'tunai', category: gas.id }))).issues[0].field).toBe('category');
			expect((await refusal(cash().record(otherSeller, otherShopId, { kind: 'expense', amount: 1000, method: 'tunai', category: gas.id }))).issues[0].field).toBe('category');
			const choices = await cash().categories(seller, shopId);
			expect(choices.expense.map((c) => c.key)).toEqual(['bahan_baku', 'kemasan', 'transport', 'gaji', 'sewa', 'listrik_air', 'lainnya', gas.id]);
			expect((await refusal(cash().addCategory(seller, shopId, { kind: 'expense', name: 'x' }))).issues[0].messageKey).toBe('cashbook.categoryName.length');
		});
	});

	describe('privacy', () => {
		it('should answer 404 to another shop’s seller and to the community’s coordinator, and change nothing', async () => {
			const mine = await cash().record(seller, shopId, { kind: 'income', amount: 12000, method: 'tunai' });
			const before = await digest();
			for (const actor of [otherSeller, coordinator]) {
				const attempts = [
					() => cash().record(actor, shopId, { kind: 'income', amount: 5000, method: 'tunai' }),
					() => cash().reverse(actor, mine.id),
					() => cash().get(actor, mine.id),
					() => cash().summary(actor, shopId, '2026-11-01', '2026-11-30'),
					() => cash().book(actor, shopId, {}),
					() => cash().home(actor, shopId),
					() => cash().categories(actor, shopId),
					() => cash().addCategory(actor, shopId, { kind: 'expense', name: 'Penyusup' })
				];
				for (const a of attempts) expect((await refusal(a())).status).toBe(404);
			}
			expect(await digest()).toBe(before);
			expect((await refusal(cash().record({ kind: 'public' }, shopId, { kind: 'income', amount: 5000, method: 'tunai' }))).status).toBe(401);
		});
	});

	describe('home', () => {
		it('should show today’s and this month’s totals, profit without prive', async () => {
			const at = (minute: number) => (now = new Date(Date.UTC(2027, 0, 15, 2, minute)));
			at(0);
			await cash().record(seller, shopId, { kind: 'income', amount: 24000, method: 'tunai' });
			at(1);
			await cash().record(seller, shopId, { kind: 'expense', amount: 9000, method: 'tunai', category: 'bahan_baku' });
			at(2);
			await cash().record(seller, shopId, { kind: 'prive', amount: 5000, method: 'tunai' });
			at(3);
			await cash().record(seller, shopId, { kind: 'income', amount: 10000, date: '2027-01-02', method: 'qris' });
			const home = await cash().home(seller, shopId);
			expect(home.today).toBe('2027-01-15');
			expect(home.todaySummary).toMatchObject({ income: 24000, expense: 9000, prive: 5000, profit: 15000, byMethod: { tunai: 10000, transfer: 0, qris: 0 } });
			expect(home.monthSummary).toMatchObject({ income: 34000, expense: 9000, profit: 25000 });
			expect(home.latest[0]).toMatchObject({ kind: 'income', amount: 10000 });
			now = new Date('2026-11-30T03:00:00.000Z');
		});
	});
});
