import type { Kysely } from 'kysely';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { DB, Community } from '../../src/lib/server/db/schema';
import type { Services } from '../../src/lib/server/services';
import { newId } from '../../src/lib/utils/ids';
import { makeShop } from './factories';

/** A signed-in person with one role in one community (services decide by the actor alone). */
export function staffActor(community: Community, role: 'coordinator' | 'facilitator' | 'seller', shopIds: string[] = []): UserActor {
	return { kind: 'user', userId: newId('usr'), name: `${role} ${community.slug}`, isPlatformAdmin: false, memberships: [{ communityId: community.id, role }], shopIds };
}

/** A program row (the base table from 0006), as engineer PROGRAM's service would make it. */
export async function makeProgram(db: Kysely<DB>, community: Community, name = 'E-Commerce Creative (E-Crav)'): Promise<string> {
	const id = newId('prg');
	const now = new Date().toISOString();
	await db.insertInto('program').values({ id, community_id: community.id, name, theme: 'Pemasaran daring', goals: 'Pelaku UMKM bisa berjualan daring', target_group: 'Pelaku UMKM', created_at: now, updated_at: now }).execute();
	return id;
}

/** A shop with its member row (one per shop), returning the member id and the shop id. */
export async function makeMember(services: Services, db: Kysely<DB>, community: Community, personName: string): Promise<{ memberId: string; shopId: string }> {
	const shop = await makeShop(services, community, `Toko ${personName}`);
	const existing = await db.selectFrom('member').select('id').where('shop_id', '=', shop.id).executeTakeFirst();
	if (existing) {
		await db.updateTable('member').set({ person_name: personName }).where('id', '=', existing.id).execute();
		return { memberId: existing.id, shopId: shop.id };
	}
	const id = newId('mbr');
	const now = new Date().toISOString();
	await db.insertInto('member').values({ id, community_id: community.id, shop_id: shop.id, person_name: personName, created_at: now, updated_at: now }).execute();
	return { memberId: id, shopId: shop.id };
}

/**
 * Dates the community's current members onto the roster at `at` (default 1 Jan 2024). A session expects only
 * members on the roster when it started (training/expected.ts); these tests hold their sessions in 2024 and make
 * their members today, so without this no member would have been expected anywhere.
 */
export async function rosterSince(db: Kysely<DB>, community: Pick<Community, 'id'>, at = '2024-01-01T00:00:00.000Z'): Promise<void> {
	await db.updateTable('member').set({ created_at: at }).where('community_id', '=', community.id).execute();
}
