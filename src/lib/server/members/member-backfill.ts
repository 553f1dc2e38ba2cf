import { sql, type Kysely } from 'kysely';
import { newId } from '../../utils/ids';
import { rwFromArea } from './member-profile';

interface ShopWithoutMember {
	id: string;
	community_id: string;
	name: string;
	whatsapp: string;
	area: string | null;
	nib: string | null;
	created_at: string;
	owner_name: string | null;
}

/**
 * Gives every shop without a roster row its member (owner's name when it has an account, else the shop's
 * name; RW read from the area). Idempotent: a shop that already has a member is left alone, and the unique
 * `member.shop_id` makes a concurrent run harmless. Used by migration 0008 and before the roster is read.
 * Returns how many rows it added.
 */
export async function backfillMembers<T>(db: Kysely<T>, communityId?: string): Promise<number> {
	const { rows } = await sql<ShopWithoutMember>`
		select s.id, s.community_id, s.name, s.whatsapp, s.area, s.nib, s.created_at, u.name as owner_name
		from shop s left join app_user u on u.id = s.owner_user_id
		where not exists (select 1 from member m where m.shop_id = s.id)
		${communityId ? sql`and s.community_id = ${communityId}` : sql``}`.execute(db);
	const now = new Date().toISOString();
	const members = db as unknown as Kysely<{ member: Record<string, string | null> }>;
	for (let i = 0; i < rows.length; i += 200) {
		const values = rows.slice(i, i + 200).map((s) => ({
			id: newId('mbr'),
			community_id: s.community_id,
			shop_id: s.id,
			person_name: s.owner_name ?? s.name,
			whatsapp: s.whatsapp || null,
			rw: rwFromArea(s.area),
			nib: s.nib,
			created_at: s.created_at,
			updated_at: now
		}));
		await members.insertInto('member').values(values).onConflict((oc) => oc.column('shop_id').doNothing()).execute();
	}
	return rows.length;
}
