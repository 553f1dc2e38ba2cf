import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/db';
import { makeCommunity, makeProduct, system } from '../helpers/factories';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { AuditLog, withoutSecrets } from '../../src/lib/server/audit/audit-log';

/**
 * The staff actions of issue 12 item 6 land in the audit log, written by the services: a coordinator adding and
 * editing a roster member (before/after), issuing a setup link (never the link), creating and moving a training,
 * ticking attendance and making a board link (never its token); a facilitator's action says "facilitator"; a refused
 * attempt and a seller's own change write no row.
 */
let ctx: TestContext;
let c1: Community;
let c2: Community;
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;
const now = new Date();

async function staff(community: Community, role: 'coordinator' | 'facilitator', email: string): Promise<Actor> {
	const id = await ctx.services.auth.createUser(system, { name: `Staf ${email.split('@')[0]}`, email, password: 'kunci-audit-staf-7' });
	await ctx.services.members.addRole(system, community, id, role);
	return (await ctx.services.auth.loadActor(id))!;
}
const rows = async (action: string) => ctx.database.db.selectFrom('audit_log').selectAll().where('action', '=', action).orderBy('at').execute();
const allText = async () => JSON.stringify(await ctx.database.db.selectFrom('audit_log').selectAll().execute());

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => now });
	c1 = await makeCommunity(ctx.services, { slug: 'audit-satu' });
	c2 = await makeCommunity(ctx.services, { slug: 'audit-dua' });
	coordinator = await staff(c1, 'coordinator', 'koor@audit.test');
	facilitator = await staff(c1, 'facilitator', 'pend@audit.test');
	otherCoordinator = await staff(c2, 'coordinator', 'koor2@audit.test');
}, 120_000);
afterAll(() => ctx?.cleanup());

describe(AuditLog.name, () => {
	it('should record a roster add and a profile edit with before and after, by a coordinator', async () => {
		const added = await ctx.services.members.addSeller(coordinator, c1, { name: 'Ibu Sari', businessType: 'Penjual kue', whatsapp: '0812 5555 0001' });
		const [add] = await rows('roster.add');
		expect(add).toMatchObject({ actor_role: 'coordinator', actor_name: 'Staf koor', community_id: c1.id, target_type: 'user', target_id: added.userId, target_label: 'Ibu Sari' });
		const member = (await ctx.services.roster.list(coordinator, c1)).find((m) => m.name === 'Ibu Sari')!;
		await ctx.services.roster.updateProfile(coordinator, c1, member.id, { personName: 'Ibu Sari Rahayu', whatsapp: '0812 5555 0001', rw: '05' } as never);
		const [edit] = await rows('roster.edit');
		expect(JSON.parse(edit.before!)).toMatchObject({ name: 'Ibu Sari' });
		expect(JSON.parse(edit.after!)).toMatchObject({ personName: 'Ibu Sari Rahayu', rw: '05' });
		// the invite link addSeller made is recorded as an invite, without the link
		const invites = await rows('setup_link.invite');
		expect(invites.map((r) => r.target_id)).toContain(added.userId);
		expect(await allText()).not.toContain(added.setupToken);
	});

	it('should record training create, update, attendance and a board link, never the check-in code or the board token', async () => {
		const program = await ctx.services.programs.create(coordinator, c1, { name: 'Program Audit' });
		const training = await ctx.services.trainings.create(facilitator, program.id, { title: 'Foto Produk', startsAt: now.toISOString(), venue: 'Balai RW 05' });
		const [made] = await rows('training.create');
		expect(made).toMatchObject({ actor_role: 'facilitator', community_id: c1.id, target_id: training.id, target_label: 'Foto Produk' });
		await ctx.services.trainings.update(coordinator, training.id, { title: 'Foto Produk dengan HP', startsAt: now.toISOString(), venue: 'Aula Kelurahan' });
		const [moved] = await rows('training.update');
		expect(JSON.parse(moved.before!)).toMatchObject({ title: 'Foto Produk', venue: 'Balai RW 05' });
		expect(JSON.parse(moved.after!)).toMatchObject({ title: 'Foto Produk dengan HP', venue: 'Aula Kelurahan' });
		const memberId = (await ctx.services.roster.list(coordinator, c1))[0].id;
		await ctx.services.trainings.recordAttendance(facilitator, training.id, { events: [{ id: 'audit-tick-1', memberId, present: true, at: now.toISOString() }] });
		const [tick] = await rows('training.attendance');
		expect(JSON.parse(tick.after!)).toMatchObject({ events: [{ memberId, present: true }] });
		const link = await ctx.services.boards.createLink(coordinator, training.id);
		const [board] = await rows('board_link.create');
		expect(board).toMatchObject({ community_id: c1.id, target_label: 'Foto Produk dengan HP' });
		const text = await allText();
		expect(text).not.toContain(link.token);
		expect(text).not.toContain(training.checkinToken);
	});

	it('should write nothing for a refused attempt or a seller changing their own shop', async () => {
		const before = (await ctx.database.db.selectFrom('audit_log').select('id').execute()).length;
		await expect(ctx.services.members.addSeller(otherCoordinator, c1, { name: 'Penyusup', businessType: 'Penjual', whatsapp: '0812 5555 0099' })).rejects.toMatchObject({ status: 404 });
		const added = await ctx.services.members.addSeller(system, c1, { name: 'Ibu Tini', businessType: 'Penjual opak', whatsapp: '0812 5555 0002' });
		await ctx.services.auth.setPasswordWithLink(added.setupToken, { password: 'kunci-audit-penjual-7', confirm: 'kunci-audit-penjual-7' });
		const seller = (await ctx.services.auth.loadActor(added.userId))!;
		const shop = await ctx.services.shops.getManaged(seller, added.shopId);
		await makeProduct(ctx.services, shop);
		const p = await ctx.services.products.create(seller, shop, { name: 'Opak Bakar', categorySlug: 'camilan-keripik', price: 8000, unit: 'bungkus', stock: 3 });
		await ctx.services.products.setStatus(seller, p.id, 'published');
		expect((await ctx.database.db.selectFrom('audit_log').select('id').execute()).length).toBe(before);
	});
});

describe('withoutSecrets', () => {
	it('should hide tokens, links, passwords and hashes at any depth and keep everything else', () => {
		expect(withoutSecrets({ name: 'Ani', token: 'abc', nested: { setupLink: 'https://x/atur-sandi/abc', password_hash: 'h', checkinToken: 't', list: [{ accessToken: 'z', ok: 1 }] } })).toEqual({
			name: 'Ani',
			token: '[hidden]',
			nested: { setupLink: '[hidden]', password_hash: '[hidden]', checkinToken: '[hidden]', list: [{ accessToken: '[hidden]', ok: 1 }] }
		});
	});

	it('should drop NUL and control characters from logged text, as saved names drop them, and keep tabs, newlines and emoji', () => {
		expect(withoutSecrets({ name: 'Ani\u0000\u0007 Risol\u001b[31m', note: 'baris 1\nbaris 2\t🙂', list: ['a\u0000b'] })).toEqual({ name: 'Ani Risol[31m', note: 'baris 1\nbaris 2\t🙂', list: ['ab'] });
	});
});
