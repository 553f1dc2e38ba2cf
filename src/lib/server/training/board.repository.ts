import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';

/** Per shop: whether it has a product (draft or live) with a photo, and a live product with a photo. */
export interface ShopProductFacts {
	shop_id: string;
	photo: boolean;
	published: boolean;
}

/** Kysely I/O for the training board: its links and the few facts the board needs beyond the funnel's rows. */
export class BoardRepository {
	constructor(private readonly db: Kysely<DB>) {}

	async insertLink(row: { token_hash: string; training_id: string; created_by: string | null; created_at: string; expires_at: string }): Promise<void> {
		await this.db.insertInto('training_board_link').values(row).execute();
	}

	linkByHash(tokenHash: string) {
		return this.db.selectFrom('training_board_link').select(['training_id', 'expires_at']).where('token_hash', '=', tokenHash).executeTakeFirst();
	}

	/** Members of the training whose "minta bantuan" flag is up. */
	async helpRaised(trainingId: string): Promise<Set<string>> {
		const rows = await this.db.selectFrom('training_help').select('member_id').where('training_id', '=', trainingId).where('ended_at', 'is', null).execute();
		return new Set(rows.map((r) => r.member_id));
	}

	/** Products of the community that have at least one photo, per shop (archived ones left out). */
	async productFacts(communityId: string): Promise<Map<string, ShopProductFacts>> {
		const rows = await this.db
			.selectFrom('product as p')
			.select(['p.shop_id', 'p.status'])
			.where('p.community_id', '=', communityId)
			.where('p.status', 'in', ['draft', 'published'])
			.where((eb) => eb.exists(eb.selectFrom('product_photo as ph').select('ph.id').whereRef('ph.product_id', '=', 'p.id')))
			.execute();
		const out = new Map<string, ShopProductFacts>();
		for (const r of rows) {
			const f = out.get(r.shop_id) ?? { shop_id: r.shop_id, photo: false, published: false };
			f.photo = true;
			if (r.status === 'published') f.published = true;
			out.set(r.shop_id, f);
		}
		return out;
	}

	/**
	 * A cheap fingerprint of everything a board's steps are computed from, in one round trip of small indexed
	 * aggregates: the community's catalog_version (bumped by database triggers on every product, photo and shop
	 * write), the training's attendance ticks, invitation list and "minta bantuan" flags (raised, and still open), the roster (size, last edit) and the latest change to a
	 * shop owner's account (a password set). Live boards poll this once a second and recompute only when it moves.
	 */
	async version(trainingId: string, communityId: string): Promise<string> {
		const row = await this.db
			.selectNoFrom((eb) => [
				eb.selectFrom('community').select('catalog_version').where('id', '=', communityId).as('catalog'),
				eb.selectFrom('attendance_event').select((e) => e.fn.countAll().as('n')).where('training_id', '=', trainingId).as('ticks'),
				eb.selectFrom('training_invitee').select((e) => e.fn.countAll().as('n')).where('training_id', '=', trainingId).as('invitees'),
				eb.selectFrom('training').select('updated_at').where('id', '=', trainingId).as('training_at'),
				eb.selectFrom('training').select('invite_all').where('id', '=', trainingId).as('invite_all'),
				eb.selectFrom('training_help').select((e) => e.fn.countAll().as('n')).where('training_id', '=', trainingId).as('help_rows'),
				eb.selectFrom('training_help').select((e) => e.fn.countAll().as('n')).where('training_id', '=', trainingId).where('ended_at', 'is', null).as('help_open'),
				eb.selectFrom('member').select((e) => e.fn.countAll().as('n')).where('community_id', '=', communityId).as('members'),
				eb.selectFrom('member').select((e) => e.fn.max('updated_at').as('at')).where('community_id', '=', communityId).as('members_at'),
				eb
					.selectFrom('app_user as u')
					.innerJoin('shop as s', 's.owner_user_id', 'u.id')
					.select((e) => e.fn.max('u.updated_at').as('at'))
					.where('s.community_id', '=', communityId)
					.as('accounts')
			])
			.executeTakeFirstOrThrow();
		return [row.catalog, row.ticks, row.invitees, row.training_at, row.invite_all, row.help_rows, row.help_open, row.members, row.members_at, row.accounts].map((v) => String(v ?? '')).join('|');
	}
}
