import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, makeShop } from '../helpers/factories';

/**
 * The cash book's tables (migration 0018-cashbook) hold the ledger's promises even against a service with a bug:
 * one reversal per entry, one posting per source, a payment never past what is owed, amounts up to Rp 1 triliun.
 */
let ctx: TestContext;
let shopId: string;
const at = '2026-11-30T03:00:00.000Z';

beforeAll(async () => {
	ctx = await createTestContext();
	const community = await makeCommunity(ctx.services, { slug: 'desa-kas' });
	shopId = (await makeShop(ctx.services, community, 'Toko Kas')).id;
});
afterAll(() => ctx.cleanup());

const entry = (id: string, extra: Record<string, unknown> = {}) => ({ id, shop_id: shopId, kind: 'income' as const, amount: 24000, occurred_on: '2026-11-30', method: 'tunai' as const, created_by: null, created_at: at, ...extra });

describe(`cash book tables (${TEST_DIALECT})`, () => {
	it('should keep Rp 1.000.000.000.000 exactly and give it back as a number', async () => {
		const db = ctx.database.db;
		await db.insertInto('cash_entry').values(entry('kas_big', { amount: 1_000_000_000_000 })).execute();
		const row = await db.selectFrom('cash_entry').select('amount').where('id', '=', 'kas_big').executeTakeFirstOrThrow();
		expect(row.amount).toBe(1_000_000_000_000);
	});

	it('should refuse a zero amount, a second reversal of one entry and a second posting of one source', async () => {
		const db = ctx.database.db;
		await expect(db.insertInto('cash_entry').values(entry('kas_zero', { amount: 0 })).execute()).rejects.toThrow();
		await db.insertInto('cash_entry').values(entry('kas_a')).execute();
		await db.insertInto('cash_entry').values(entry('kas_a_rev', { amount: -24000, reverses_id: 'kas_a' })).execute();
		await expect(db.insertInto('cash_entry').values(entry('kas_a_rev2', { amount: -24000, reverses_id: 'kas_a' })).execute()).rejects.toThrow();
		await db.insertInto('cash_entry').values(entry('kas_o1', { source_ref: 'order:ord_x' })).execute();
		await expect(db.insertInto('cash_entry').values(entry('kas_o2', { source_ref: 'order:ord_x' })).execute()).rejects.toThrow();
		const ids = (await db.selectFrom('cash_entry').select('id').where('shop_id', '=', shopId).orderBy('id').execute()).map((r) => r.id);
		expect(ids).toEqual(['kas_a', 'kas_a_rev', 'kas_big', 'kas_o1']);
	});

	it('should refuse a debt paid past its amount', async () => {
		const db = ctx.database.db;
		await db.insertInto('cash_debt').values({ id: 'utg_1', shop_id: shopId, direction: 'receivable', party_name: 'Bu Siti', amount: 50000, created_by: null, created_at: at }).execute();
		await db.updateTable('cash_debt').set({ paid: 50000 }).where('id', '=', 'utg_1').execute();
		await expect(db.updateTable('cash_debt').set({ paid: 50001 }).where('id', '=', 'utg_1').execute()).rejects.toThrow();
		expect((await db.selectFrom('cash_debt').select('paid').where('id', '=', 'utg_1').executeTakeFirstOrThrow()).paid).toBe(50000);
	});
});

describe(`postEntry (${TEST_DIALECT})`, () => {
	it('should post one entry for a source however often it is asked, at the same moment too', async () => {
		const { postEntry } = await import('../../src/lib/server/cashbook/post-entry');
		const db = ctx.database.db;
		const post = () => postEntry(db, { shopId, kind: 'income', amount: 15000, occurredOn: '2026-11-30', category: 'penjualan', method: 'qris', sourceRef: 'order:ord_twice', byUserId: null, at });
		const ids = await Promise.all([post(), post(), post()]);
		expect(ids.filter((id) => id !== null)).toHaveLength(1);
		expect(await post()).toBeNull();
		const rows = await db.selectFrom('cash_entry').select(['id', 'amount']).where('source_ref', '=', 'order:ord_twice').execute();
		expect(rows).toEqual([{ id: ids.find((id) => id !== null), amount: 15000 }]);
	});
});
