import type { Insertable, Kysely, Selectable } from 'kysely';
import type { DB } from '../db/schema';
import type { CheckinClaimStatus, MemberCheckinCardTable, TrainingCheckinClaimTable } from '../db/schema-training';

export type CheckinClaimRow = Selectable<TrainingCheckinClaimTable>;
export type CheckinCardRow = Selectable<MemberCheckinCardTable>;

/** A member as check-in needs them: their shop's owner account and whether it has a password yet. */
export interface CheckinMember {
	id: string;
	community_id: string;
	person_name: string;
	shop_id: string;
	owner_user_id: string | null;
	has_password: boolean;
	/** the number the member is reached on (the roster's, else the shop's): the login of an account made at check-in */
	whatsapp: string | null;
}

/** Kysely I/O for QR check-in claims and personal check-in cards; decides nothing about who may do what. */
export class CheckinRepository {
	constructor(private readonly db: Kysely<DB>) {}

	private memberQuery() {
		return this.db
			.selectFrom('member as m')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.leftJoin('app_user as u', 'u.id', 's.owner_user_id')
			.select(['m.id', 'm.community_id', 'm.person_name', 'm.shop_id', 's.owner_user_id', 'u.password_hash', 'm.whatsapp', 's.whatsapp as shop_whatsapp']);
	}

	async member(memberId: string): Promise<CheckinMember | undefined> {
		const r = await this.memberQuery().where('m.id', '=', memberId).executeTakeFirst();
		return r ? toMember(r) : undefined;
	}

	/** The community's member whose number this is: on the roster, as the shop's WhatsApp or as the owner's login. */
	async memberByWhatsapp(communityId: string, whatsapp: string): Promise<CheckinMember | undefined> {
		const r = await this.memberQuery()
			.where('m.community_id', '=', communityId)
			.where((eb) => eb.or([eb('m.whatsapp', '=', whatsapp), eb('s.whatsapp', '=', whatsapp), eb('u.whatsapp', '=', whatsapp)]))
			.orderBy('m.id')
			.executeTakeFirst();
		return r ? toMember(r) : undefined;
	}

	claimByHash(claimHash: string) {
		return this.db.selectFrom('training_checkin_claim').selectAll().where('claim_hash', '=', claimHash).executeTakeFirst();
	}

	claimById(id: string) {
		return this.db.selectFrom('training_checkin_claim').selectAll().where('id', '=', id).executeTakeFirst();
	}

	/** Marks the member's pending claims at this training whose time ran out as expired (so a new one may start). */
	async expirePending(trainingId: string, memberId: string | null, now: string): Promise<void> {
		let q = this.db.updateTable('training_checkin_claim').set({ status: 'expired' }).where('training_id', '=', trainingId).where('status', '=', 'pending').where('expires_at', '<=', now);
		if (memberId) q = q.where('member_id', '=', memberId);
		await q.execute();
	}

	/** Inserts a pending claim; false when the member already has one at this training (the partial unique index). */
	async insertClaim(row: Insertable<TrainingCheckinClaimTable>): Promise<boolean> {
		const r = await this.db.insertInto('training_checkin_claim').values(row).onConflict((oc) => oc.doNothing()).returning('id').executeTakeFirst();
		return !!r;
	}

	/** Moves a claim from one status to another only if it is still in `from`; true when this call moved it. */
	async moveClaim(id: string, from: CheckinClaimStatus, to: CheckinClaimStatus, decided: { at: string; by: string | null }): Promise<boolean> {
		const r = await this.db.updateTable('training_checkin_claim').set({ status: to, decided_at: decided.at, decided_by: decided.by }).where('id', '=', id).where('status', '=', from).executeTakeFirst();
		return Number(r.numUpdatedRows) === 1;
	}

	/** Marks a confirmed claim as handed over (its one setup link given); true for exactly one caller. */
	async handOver(id: string, at: string): Promise<boolean> {
		const r = await this.db.updateTable('training_checkin_claim').set({ handed_over_at: at }).where('id', '=', id).where('status', '=', 'confirmed').where('handed_over_at', 'is', null).executeTakeFirst();
		return Number(r.numUpdatedRows) === 1;
	}

	async undoHandOver(id: string): Promise<void> {
		await this.db.updateTable('training_checkin_claim').set({ handed_over_at: null }).where('id', '=', id).execute();
	}

	/** Pending claims of a training that have not lapsed, oldest first, with the member's name and shop. */
	pending(trainingId: string, now: string) {
		return this.db
			.selectFrom('training_checkin_claim as c')
			.innerJoin('member as m', 'm.id', 'c.member_id')
			.innerJoin('shop as s', 's.id', 'm.shop_id')
			.select(['c.id', 'c.member_id', 'c.code', 'c.via', 'c.created_at', 'm.person_name', 's.name as shop_name'])
			.where('c.training_id', '=', trainingId)
			.where('c.status', '=', 'pending')
			.where('c.expires_at', '>', now)
			.orderBy('c.created_at')
			.orderBy('c.id')
			.execute();
	}

	async insertCard(row: Insertable<MemberCheckinCardTable>): Promise<void> {
		await this.db.insertInto('member_checkin_card').values(row).execute();
	}

	/** Revokes the member's cards still in force (a new card replaces them; a lost one is stopped). */
	async revokeCards(memberId: string, at: string): Promise<number> {
		const r = await this.db.updateTable('member_checkin_card').set({ revoked_at: at }).where('member_id', '=', memberId).where('revoked_at', 'is', null).executeTakeFirst();
		return Number(r.numUpdatedRows);
	}

	cardByHash(tokenHash: string) {
		return this.db.selectFrom('member_checkin_card').selectAll().where('token_hash', '=', tokenHash).executeTakeFirst();
	}

	/** Records that the card handed out its one first-password link; true for exactly one caller. */
	async useCardForPassword(tokenHash: string, at: string): Promise<boolean> {
		const r = await this.db.updateTable('member_checkin_card').set({ password_link_at: at }).where('token_hash', '=', tokenHash).where('password_link_at', 'is', null).where('revoked_at', 'is', null).executeTakeFirst();
		return Number(r.numUpdatedRows) === 1;
	}

	async undoCardPassword(tokenHash: string): Promise<void> {
		await this.db.updateTable('member_checkin_card').set({ password_link_at: null }).where('token_hash', '=', tokenHash).execute();
	}
}

function toMember(r: { id: string; community_id: string; person_name: string; shop_id: string; owner_user_id: string | null; password_hash: string | null; whatsapp: string | null; shop_whatsapp: string | null }): CheckinMember {
	return { id: r.id, community_id: r.community_id, person_name: r.person_name, shop_id: r.shop_id, owner_user_id: r.owner_user_id, has_password: !!r.password_hash, whatsapp: r.whatsapp ?? r.shop_whatsapp };
}
