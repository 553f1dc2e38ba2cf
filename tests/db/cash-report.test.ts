import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, makeShop } from '../helpers/factories';
import { makeSellerActor, makeStaff } from '../helpers/program';
import { postEntry } from '../../src/lib/server/cashbook/post-entry';
import { CashReportService } from '../../src/lib/server/cashbook/report.service';
import type { Actor, UserActor } from '../../src/lib/server/auth/actor';
import type { CashKind, CashMethod } from '../../src/lib/server/db/schema-cashbook';
import type { Community, Shop } from '../../src/lib/server/db/schema';
import { translator } from '../../src/lib/i18n';
import { cashStatementPdf } from '../../src/lib/server/documents/cash-statement';
import { cashEntriesCsv } from '../../src/lib/server/documents/cash-export';
import { pdfPages, pdfPlainText } from '../helpers/pdf';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The seller's numbers (issue 11): summaries equal the entries' sums whatever the entries (fast-check), the change from
 * the period before, best sellers from completed orders, and a book nobody but its owner can read.
 */
let ctx: TestContext;
let community: Community;
let seller: Actor;
let shopId: string;
let otherSeller: Actor;
let coordinator: Actor;
let facilitator: Actor;
// Monday 30 November 2026, 12.00 WIB
const NOW = new Date('2026-11-30T05:00:00.000Z');
const at = NOW.toISOString();

const ownerOf = (shop: Shop): UserActor => ({ kind: 'user', userId: `usr_owner_${shop.id}`, name: 'Pemilik', isPlatformAdmin: false, memberships: [], shopIds: [shop.id] });
const post = (shop: string, kind: CashKind, amount: number, occurredOn: string, method: CashMethod = 'tunai', extra: { reversesId?: string; note?: string; category?: string } = {}) =>
	postEntry(ctx.database.db, { shopId: shop, kind, amount, occurredOn, category: extra.category ?? (kind === 'income' ? 'penjualan' : kind === 'expense' ? 'bahan_baku' : ''), method, note: extra.note, reversesId: extra.reversesId, byUserId: null, at });

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	community = await makeCommunity(ctx.services, { slug: 'desa-laporan-kas' });
	coordinator = await makeStaff(ctx.services, community, 'coordinator');
	facilitator = await makeStaff(ctx.services, community, 'facilitator');
	const a = await makeSellerActor(ctx.services, community, coordinator);
	seller = a.actor;
	shopId = a.shopId;
	otherSeller = (await makeSellerActor(ctx.services, community, coordinator)).actor;
}, 60_000);
afterAll(() => ctx.cleanup());

describe(CashReportService.name, () => {
	describe(`totals (${TEST_DIALECT})`, () => {
		it('should equal the sum of the entries for any entries and any range (prive and modal never in profit)', async () => {
			const day = fc.integer({ min: 0, max: 59 }).map((n) => new Date(Date.UTC(2026, 9, 1) + n * 86_400_000).toISOString().slice(0, 10));
			const entry = fc.record({
				kind: fc.constantFrom<CashKind>('income', 'expense', 'prive', 'modal'),
				amount: fc.integer({ min: 1, max: 1_000_000_000_000 }),
				day,
				method: fc.constantFrom<CashMethod>('tunai', 'transfer', 'qris'),
				reversed: fc.boolean()
			});
			await fc.assert(
				fc.asyncProperty(fc.array(entry, { maxLength: 12 }), day, day, async (entries, d1, d2) => {
					const shop = await makeShop(ctx.services, community);
					for (const e of entries) {
						const id = await post(shop.id, e.kind, e.amount, e.day, e.method);
						if (e.reversed) await post(shop.id, e.kind, -e.amount, e.day, e.method, { reversesId: id! });
					}
					const range = d1 <= d2 ? { from: d1, to: d2 } : { from: d2, to: d1 };
					const inRange = entries.filter((e) => !e.reversed && e.day >= range.from && e.day <= range.to);
					const sum = (f: (e: (typeof entries)[number]) => boolean) => inRange.filter(f).reduce((s, e) => s + e.amount, 0);
					const totals = await ctx.services.cashReports.totals(ownerOf(shop), shop.id, range);
					const income = sum((e) => e.kind === 'income');
					const expense = sum((e) => e.kind === 'expense');
					expect(totals).toMatchObject({ income, expense, prive: sum((e) => e.kind === 'prive'), modal: sum((e) => e.kind === 'modal'), profit: income - expense });
					for (const m of ['tunai', 'transfer', 'qris'] as const) {
						const into = sum((e) => e.method === m && (e.kind === 'income' || e.kind === 'modal'));
						const out = sum((e) => e.method === m && (e.kind === 'expense' || e.kind === 'prive'));
						expect(totals.byMethod[m]).toEqual({ in: into, out, net: into - out });
					}
				}),
				{ numRuns: TEST_DIALECT === 'postgres' ? 15 : 30 }
			);
		}, 120_000);
	});

	describe(`report (${TEST_DIALECT})`, () => {
		let shop: Shop;
		let owner: UserActor;
		beforeAll(async () => {
			shop = await makeShop(ctx.services, community);
			owner = ownerOf(shop);
			await post(shop.id, 'income', 500_000, '2026-10-05');
			await post(shop.id, 'expense', 200_000, '2026-10-20', 'transfer');
			await post(shop.id, 'income', 740_000, '2026-11-02', 'qris');
			await post(shop.id, 'expense', 320_000, '2026-11-29');
			await post(shop.id, 'prive', 100_000, '2026-11-29');
			await post(shop.id, 'modal', 1_000_000, '2026-11-30', 'transfer');
			await post(shop.id, 'income', 24_000, '2026-11-30');
		});

		it('should compare this month with the whole month before (profit up Rp 120.000 from October)', async () => {
			const r = await ctx.services.cashReports.report(owner, shop.id, ctx.services.cashReports.period({ periode: 'bulan' }));
			expect(r.period).toMatchObject({ from: '2026-11-01', to: '2026-11-30', previous: { from: '2026-10-01', to: '2026-10-31' } });
			expect(r.totals).toMatchObject({ income: 764_000, expense: 320_000, prive: 100_000, modal: 1_000_000, profit: 444_000 });
			expect(r.previous).toMatchObject({ income: 500_000, expense: 200_000, profit: 300_000 });
			expect(r.totals.byMethod.tunai).toEqual({ in: 24_000, out: 420_000, net: -396_000 });
			expect(r.chart.unit).toBe('day');
			expect(r.chart.points).toHaveLength(30);
			expect(r.chart.points.find((p) => p.bucket === '2026-11-29')).toEqual({ bucket: '2026-11-29', income: 0, expense: 320_000 });
		});

		it('should make the week Senin–Minggu and compare it with the 7 days before; today with yesterday', async () => {
			const week = await ctx.services.cashReports.report(owner, shop.id, ctx.services.cashReports.period({ periode: 'minggu' }));
			expect(week.period).toMatchObject({ from: '2026-11-30', to: '2026-12-06', days: 7, previous: { from: '2026-11-23', to: '2026-11-29' } });
			expect(week.totals.income).toBe(24_000);
			expect(week.previous.expense).toBe(320_000);
			const today = await ctx.services.cashReports.report(owner, shop.id, ctx.services.cashReports.period({ periode: 'hari' }));
			expect(today.previous).toMatchObject({ income: 0, expense: 320_000, prive: 100_000 });
			// one day: the chart shows the 6 months up to it
			expect(today.chart.unit).toBe('month');
			expect(today.chart.points.map((p) => p.bucket)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
			expect(today.chart.points.at(-2)).toEqual({ bucket: '2026-10', income: 500_000, expense: 200_000 });
		});

		it('should take a chosen range and compare it with as many days before it; refuse a wrong range naming the field', async () => {
			const reports = ctx.services.cashReports;
			const r = await reports.report(owner, shop.id, reports.period({ periode: 'pilih', dari: '2026-11-29', sampai: '2026-11-30' }));
			expect(r.period.previous).toEqual({ from: '2026-11-27', to: '2026-11-28' });
			expect(r.totals).toMatchObject({ income: 24_000, expense: 320_000, profit: -296_000 });
			const fieldOf = (q: Record<string, string>) => {
				try {
					reports.period({ periode: 'pilih', ...q });
					return null;
				} catch (e) {
					return (e as { issues: { field: string; messageKey: string }[] }).issues[0];
				}
			};
			expect(fieldOf({ dari: '', sampai: '2026-11-30' })).toEqual({ field: 'dari', messageKey: 'cashReport.range.missing', params: {} });
			expect(fieldOf({ dari: '2026-02-30', sampai: '2026-11-30' })).toMatchObject({ field: 'dari', messageKey: 'cashReport.range.invalid' });
			expect(fieldOf({ dari: '2026-11-30', sampai: '2026-11-01' })).toMatchObject({ field: 'sampai', messageKey: 'cashReport.range.order' });
			expect(fieldOf({ dari: '2024-01-01', sampai: '2026-11-30' })).toMatchObject({ field: 'sampai', messageKey: 'cashReport.range.tooLong' });
			expect(fieldOf({ dari: '1999-12-31', sampai: '2026-11-30' })).toMatchObject({ field: 'dari', messageKey: 'date.yearRange' });
			expect(fieldOf({ dari: "2026-11-01' or 1=1 --", sampai: '2026-11-30' })).toMatchObject({ field: 'dari', messageKey: 'cashReport.range.invalid' });
		});
	});

	describe(`best sellers (${TEST_DIALECT})`, () => {
		it('should rank products of orders completed in the period, by units then money, and leave out others', async () => {
			const shop = await makeShop(ctx.services, community);
			const other = await makeShop(ctx.services, community);
			const basreng = await makeProduct(ctx.services, shop, { name: 'Basreng Pedas', price: 10_000 });
			const opak = await makeProduct(ctx.services, shop, { name: 'Opak Ketan', price: 15_000 });
			const foreign = await makeProduct(ctx.services, other, { name: 'Produk Lain', price: 5_000 });
			const db = ctx.database.db;
			let n = 0;
			const order = async (s: Shop, status: 'selesai' | 'dikirim' | 'dibatalkan', doneAt: string | null, lines: [string, string, number, number][], doneTwice = false) => {
				const id = `ord_best_${++n}`;
				await db.insertInto('checkout').values({ id: `chk_best_${n}`, code: `CB${n}`, token: 't', community_id: community.id, idempotency_key: `best-${n}`, buyer_name: 'Bu Ani', buyer_whatsapp: '6281234567890', created_at: at }).execute();
				const total = lines.reduce((s2, l) => s2 + l[2] * l[3], 0);
				await db.insertInto('shop_order').values({ id, code: `OB${n}`, checkout_id: `chk_best_${n}`, community_id: community.id, shop_id: s.id, status, delivery: 'pickup', delivery_fee: 0, payment_method: 'cod', paid_at: null, subtotal: total, total, item_count: lines.length, created_at: at, updated_at: at }).execute();
				for (const [k, [productId, name, price, quantity]] of lines.entries())
					await db.insertInto('order_item').values({ id: `itm_best_${n}_${k}`, order_id: id, product_id: productId, variant_id: null, name, variant_label: null, unit: 'bungkus', price, quantity, line_total: price * quantity }).execute();
				for (const [k, when] of (doneAt ? (doneTwice ? [doneAt, doneAt] : [doneAt]) : []).entries())
					await db.insertInto('order_event').values({ id: `evt_best_${n}_${k}`, order_id: id, status: 'selesai', by_user_id: null, at: when }).execute();
			};
			// 30 Nov 00.30 WIB = 29 Nov 17.30 UTC: inside "today" in WIB
			await order(shop, 'selesai', '2026-11-29T17:30:00.000Z', [[basreng.id, 'Basreng Pedas', 10_000, 2], [opak.id, 'Opak Ketan', 15_000, 2]], true);
			await order(shop, 'selesai', '2026-11-30T04:00:00.000Z', [[basreng.id, 'Basreng Pedas', 10_000, 1]]);
			// 29 Nov 23.30 WIB: yesterday, not today
			await order(shop, 'selesai', '2026-11-29T16:30:00.000Z', [[opak.id, 'Opak Ketan', 15_000, 9]]);
			// completed, then cancelled: no longer counts
			await order(shop, 'dibatalkan', '2026-11-30T03:00:00.000Z', [[opak.id, 'Opak Ketan', 15_000, 20]]);
			await order(shop, 'dikirim', null, [[opak.id, 'Opak Ketan', 15_000, 20]]);
			await order(other, 'selesai', '2026-11-30T03:00:00.000Z', [[foreign.id, 'Produk Lain', 5_000, 50]]);
			const reports = ctx.services.cashReports;
			const today = await reports.report(ownerOf(shop), shop.id, reports.period({ periode: 'hari' }));
			expect(today.bestSellers).toEqual([
				{ productId: basreng.id, name: 'Basreng Pedas', quantity: 3, revenue: 30_000 },
				{ productId: opak.id, name: 'Opak Ketan', quantity: 2, revenue: 30_000 }
			]);
			const month = await reports.report(ownerOf(shop), shop.id, reports.period({ periode: 'bulan' }));
			expect(month.bestSellers.map((b) => [b.name, b.quantity])).toEqual([
				['Opak Ketan', 11],
				['Basreng Pedas', 3]
			]);
		});
	});

	describe(`a book only its owner reads (${TEST_DIALECT})`, () => {
		it("should answer 404 to another shop's seller, the coordinator, the facilitator and a visitor", async () => {
			await post(shopId, 'income', 50_000, '2026-11-30', 'tunai', { note: 'rahasia' });
			const reports = ctx.services.cashReports;
			const month = reports.period({ periode: 'bulan' });
			expect((await reports.totals(seller, shopId, month)).income).toBe(50_000);
			for (const actor of [otherSeller, coordinator, facilitator]) {
				await expect(reports.report(actor, shopId, month)).rejects.toMatchObject({ status: 404 });
				await expect(reports.totals(actor, shopId, month)).rejects.toMatchObject({ status: 404 });
				await expect(reports.exportEntries(actor, shopId, { periode: 'pilih', dari: 'x' })).rejects.toMatchObject({ status: 404 });
				await expect(reports.statement(actor, shopId, '2026-11')).rejects.toMatchObject({ status: 404 });
				await expect(reports.sharing(actor, shopId)).rejects.toMatchObject({ status: 404 });
				await expect(reports.setSharing(actor, shopId, true)).rejects.toMatchObject({ status: 404 });
			}
			await expect(reports.report({ kind: 'public' }, shopId, month)).rejects.toMatchObject({ status: 401 });
			expect((await reports.sharing(seller, shopId)).shared).toBe(false);
		});
	});

	describe(`statement (${TEST_DIALECT})`, () => {
		it("should hold the shop, its owner, the month's totals and entries, corrections named; refuse a wrong month", async () => {
			const reports = ctx.services.cashReports;
			const id = await post(shopId, 'expense', 75_000, '2026-11-10', 'qris', { note: 'Minyak goreng' });
			await post(shopId, 'expense', -75_000, '2026-11-10', 'qris', { reversesId: id! });
			const s = await reports.statement(seller, shopId, '2026-11');
			expect(s.shop).toMatchObject({ id: shopId, community: community.name });
			expect(s.shop.owner).toMatch(/^Penjual/);
			expect(s.range).toEqual({ from: '2026-11-01', to: '2026-11-30' });
			expect(s.totals).toMatchObject({ income: 50_000, expense: 0 });
			const correction = s.entries.find((e) => e.reverses_id === id);
			expect(correction?.reverses).toEqual({ occurredOn: '2026-11-10', amount: 75_000 });
			for (const bad of ['2026-13', '', '11-2026', '1999-12']) await expect(reports.statement(seller, shopId, bad)).rejects.toMatchObject({ status: 422 });
		});
		it("should print the owner's full name, the shop, and the month's opening and closing cash balance from the entries; flag corrected entries", async () => {
			const { actor, shopId: shop } = await makeSellerActor(ctx.services, community, coordinator);
			// the person the community registered for the shop, in full (the account may carry a short name)
			await ctx.database.db.updateTable('member').set({ person_name: 'Siti Rahmawati' }).where('shop_id', '=', shop).execute();
			await ctx.database.db.updateTable('app_user').set({ name: 'SR' }).where('id', '=', (actor as UserActor).userId).execute();
			// before November: 100.000 + 50.000 modal − 30.000 − 10.000 prive = 110.000
			await post(shop, 'income', 100_000, '2026-10-05');
			await post(shop, 'modal', 50_000, '2026-10-06', 'transfer');
			await post(shop, 'expense', 30_000, '2026-10-07', 'qris');
			await post(shop, 'prive', 10_000, '2026-10-31');
			// November: 40.000 in, 2.000 prive, an expense of 5.000 corrected (reversed) → net 38.000
			await post(shop, 'income', 40_000, '2026-11-02', 'qris');
			await post(shop, 'prive', 2_000, '2026-11-03');
			const wrong = await post(shop, 'expense', 5_000, '2026-11-04', 'tunai', { note: 'Salah ketik' });
			await post(shop, 'expense', -5_000, '2026-11-04', 'tunai', { reversesId: wrong! });
			await post(shop, 'income', 999_000, '2026-12-01'); // after the month: not in it
			const s = await ctx.services.cashReports.statement(actor, shop, '2026-11');
			expect(s.shop.owner).toBe('Siti Rahmawati');
			expect(s.balance).toEqual({ opening: 110_000, closing: 148_000 });
			expect((await ctx.services.cashReports.statement(actor, shop, '2026-10')).balance).toEqual({ opening: 0, closing: 110_000 });
			expect(s.entries.find((e) => e.id === wrong)?.corrected_at).toBe(at);

			const t = translator('id');
			const text = pdfPlainText(await cashStatementPdf(t, 'id', s), mkdtempSync(join(tmpdir(), 'kas-pdf-')), 'statement-balance');
			expect(text).toContain('Pemilik: Siti Rahmawati');
			expect(text).not.toContain('Pemilik: SR');
			expect(text).toContain(s.shop.name);
			expect(text).toMatch(/Saldo awal \([^)]*1 November 2026\) Rp 110\.000/);
			expect(text).toMatch(/Saldo akhir \([^)]*30 November 2026\) Rp 148\.000/);
			expect(text).toContain('dikoreksi: Ya, 30 Nov 2026');

			const csv = cashEntriesCsv(t, 'id', s.entries).toString('utf8').replace(/^\uFEFF/, '').split('\r\n');
			expect(csv[0].split(',').at(-1)).toBe('Dikoreksi');
			expect(csv.find((l) => l.includes('Salah ketik'))!.endsWith(',"Ya, 30 Nov 2026"')).toBe(true);
		});

		it('should print Rp 1 triliun on one line in every table of the statement (never split inside a cell)', async () => {
			const { actor, shopId: shop } = await makeSellerActor(ctx.services, community, coordinator);
			await post(shop, 'income', 1_000_000_000_000, '2026-09-10', 'tunai');
			await post(shop, 'expense', 1_000_000_000_000, '2026-09-11', 'transfer');
			const s = await ctx.services.cashReports.statement(actor, shop, '2026-09');
			const lines = pdfPages(await cashStatementPdf(translator('id'), 'id', s), mkdtempSync(join(tmpdir(), 'kas-pdf-')), 'statement-1t').flat();
			// the methods table (in, out, net), the entries and the totals: each figure whole on its line
			expect(lines.filter((l) => l.includes('Rp 1.000.000.000.000')).length).toBeGreaterThanOrEqual(6);
			expect(lines.find((l) => l.startsWith('Tunai'))).toContain('Rp 1.000.000.000.000 Rp 0 Rp 1.000.000.000.000');
			expect(lines.filter((l) => /Rp 1\.000\.000\.0{0,3}$|^0{1,3}$|^\.?000$/.test(l))).toEqual([]);
		});

	});
});
