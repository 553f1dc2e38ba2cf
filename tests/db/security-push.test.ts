import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createECDH, randomBytes } from 'node:crypto';
import { Migrator, type MigrationProvider } from 'kysely';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { PushService } from '../../src/lib/server/notifications/push.service';
import { migrationsFor } from '../../src/lib/server/db/migrations';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { makeCommunity, system } from '../helpers/factories';

/**
 * Issue 8, reviewer finding (HIGH): `subscribe` deleted every row with the same endpoint whatever the shop, so
 * one seller could silence another seller's order alerts. Subscriptions are keyed by (shop, endpoint) now
 * (migration 0013-push) and every write touches only the acting seller's own shop.
 */
let ctx: TestContext;
let community: Community;
let mine: { actor: UserActor; shopId: string };
let theirs: { actor: UserActor; shopId: string };
const now = new Date('2026-11-30T03:00:00Z');

const b64url = (b: Buffer) => b.toString('base64url');
/** What a real browser's PushSubscription.toJSON() gives: a P-256 public key and 16 random bytes. */
const subscription = (endpoint: string) => ({ endpoint, keys: { p256dh: b64url(createECDH('prime256v1').generateKeys()), auth: b64url(randomBytes(16)) } });
const rowsOf = (shopId: string) => ctx.database.db.selectFrom('push_subscription').select(['endpoint', 'p256dh', 'user_id']).where('shop_id', '=', shopId).orderBy('endpoint').execute();

let coordinator: UserActor;
async function seller(name: string, whatsapp: string) {
	const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType: 'Penjual keripik', whatsapp });
	return { actor: (await ctx.services.auth.loadActor(added.userId))!, shopId: added.shopId };
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	community = await makeCommunity(ctx.services, { slug: 'dorong' });
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Dorong', email: 'k@dorong.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	mine = await seller('Ibu Keripik', '0812 6100 0001');
	theirs = await seller('Pak Opak', '0812 6100 0002');
});
afterAll(() => ctx.cleanup());

describe(`${PushService.name} subscriptions per shop (${TEST_DIALECT})`, () => {
	it("should leave my subscription when another shop's seller subscribes the same endpoint", async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/sama-1';
		const my = subscription(endpoint);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, my);
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		expect(await rowsOf(mine.shopId)).toEqual([{ endpoint, p256dh: my.keys.p256dh, user_id: mine.actor.userId }]);
		expect(await rowsOf(theirs.shopId)).toHaveLength(1);
	});

	it('should replace only my own row when my browser subscribes again', async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/lagi-1';
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		const theirRows = await rowsOf(theirs.shopId);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint));
		const again = subscription(endpoint);
		await ctx.services.push.subscribe(mine.actor, mine.shopId, again);
		expect((await rowsOf(mine.shopId)).filter((r) => r.endpoint === endpoint)).toEqual([{ endpoint, p256dh: again.keys.p256dh, user_id: mine.actor.userId }]);
		expect(await rowsOf(theirs.shopId)).toEqual(theirRows);
	});

	it("should remove only my row on unsubscribe, and change nothing when another seller unsubscribes my endpoint", async () => {
		const endpoint = 'https://fcm.googleapis.com/fcm/send/berhenti-1';
		await ctx.services.push.subscribe(mine.actor, mine.shopId, subscription(endpoint));
		await ctx.services.push.subscribe(theirs.actor, theirs.shopId, subscription(endpoint));
		const myRows = await rowsOf(mine.shopId);
		// Their own shop: only their row goes. My shop named by them: 404, nothing changes.
		await ctx.services.push.unsubscribe(theirs.actor, theirs.shopId, endpoint);
		await expect(ctx.services.push.unsubscribe(theirs.actor, mine.shopId, endpoint)).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.push.unsubscribe(PUBLIC_ACTOR, mine.shopId, endpoint)).rejects.toMatchObject({ status: 401 });
		expect(await rowsOf(mine.shopId)).toEqual(myRows);
		expect((await rowsOf(theirs.shopId)).map((r) => r.endpoint)).not.toContain(endpoint);
		await ctx.services.push.unsubscribe(mine.actor, mine.shopId, endpoint);
		expect((await rowsOf(mine.shopId)).map((r) => r.endpoint)).not.toContain(endpoint);
	});

	it("should refuse a subscription for another shop (404) and write nothing", async () => {
		const before = await rowsOf(mine.shopId);
		await expect(ctx.services.push.subscribe(theirs.actor, mine.shopId, subscription('https://fcm.googleapis.com/fcm/send/asing-1'))).rejects.toMatchObject({ status: 404 });
		expect(await rowsOf(mine.shopId)).toEqual(before);
	});
});

describe(`migration 0013-push (${TEST_DIALECT})`, () => {
	it('should keep the subscriptions stored before it and key them by (shop, endpoint)', async () => {
		const old = await createTestContext({ migrateTo: '0012-field' });
		try {
			const db = old.database.db;
			const c = await makeCommunity(old.services, { slug: 'lama' });
			const shop = await old.services.shops.create(system, c, { name: 'Toko Lama', whatsapp: '0812 6100 0009', businessType: 'Warung' });
			const other = await old.services.shops.create(system, c, { name: 'Toko Tetangga', whatsapp: '0812 6100 0008', businessType: 'Warung' });
			const user = await old.services.auth.createUser(system, { name: 'Penjual Lama', email: 'lama@push.test', password: 'kata-sandi-panjang-1' });
			const row = { id: 'push_lama', user_id: user, shop_id: shop.id, endpoint: 'https://fcm.googleapis.com/fcm/send/lama', p256dh: 'p', auth: 'a', created_at: '2026-11-01T00:00:00.000Z' };
			await db.insertInto('push_subscription').values(row).execute();
			// Before 0013 the same endpoint cannot belong to two shops.
			await expect(db.insertInto('push_subscription').values({ ...row, id: 'push_dua', shop_id: other.id }).execute()).rejects.toThrow();
			const provider: MigrationProvider = { getMigrations: async () => migrationsFor(old.database.dialect) };
			const { error } = await new Migrator({ db, provider, allowUnorderedMigrations: true, migrationTableSchema: old.database.schema }).migrateToLatest();
			expect(error).toBeUndefined();
			expect(await db.selectFrom('push_subscription').selectAll().execute()).toEqual([row]);
			await db.insertInto('push_subscription').values({ ...row, id: 'push_dua', shop_id: other.id }).execute();
			await expect(db.insertInto('push_subscription').values({ ...row, id: 'push_tiga' }).execute()).rejects.toThrow();
			expect(await db.selectFrom('push_subscription').select('id').orderBy('id').execute()).toEqual([{ id: 'push_dua' }, { id: 'push_lama' }]);
		} finally {
			await old.cleanup();
		}
	});
});
