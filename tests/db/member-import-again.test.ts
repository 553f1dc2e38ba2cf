import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { staffActor } from '../helpers/program-fixtures';
import { MemberIoService } from '../../src/lib/server/members/member-io.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
}, 60_000);
afterAll(() => ctx.cleanup());

const csv = (text: string) => new TextEncoder().encode(text);
const load = (text: string, actor: UserActor = coordinator) => ctx.services.memberFiles.importFile(actor, community, { name: 'anggota.csv', bytes: csv(text) });
const roster = async () => (await ctx.services.roster.list(coordinator, community)).map((m) => ({ name: m.name, rw: m.rw, shop: m.shop.name })).sort((a, b) => a.name.localeCompare(b.name));

describe(`${MemberIoService.name}.importFile — extra columns and a second import (${TEST_DIALECT})`, () => {
	it('should ignore an unknown column and say which, import the rows, and on a re-import count members already there instead of refusing', async () => {
		const first = await load('nama;whatsapp;usaha;rw;catatan_bu_siti;\nBu Siti;0812 7000 0001;Penjual kue;3;bawa contoh;\nBu Tati;0812 7000 0002;Penjual tahu;4;;\n');
		expect(first).toEqual({ ok: true, added: 2, updated: [], unchanged: [], ignored: ['catatan_bu_siti'] });
		const after = await roster();
		expect(after).toEqual([
			{ name: 'Bu Siti', rw: '03', shop: 'Kue Bu Siti' },
			{ name: 'Bu Tati', rw: '04', shop: 'Tahu Bu Tati' }
		]);

		// the same file again: nothing new, nothing refused, both named as already there
		expect(await load('nama;whatsapp;usaha;rw;catatan_bu_siti\nBu Siti;0812 7000 0001;Penjual kue;3;bawa contoh\nBu Tati;+62 812-7000-0002;Penjual tahu;4;\n')).toEqual({ ok: true, added: 0, updated: [], unchanged: ['Bu Siti', 'Bu Tati'], ignored: ['catatan_bu_siti'] });
		expect(await roster()).toEqual(after);

		// new and existing rows mixed: the new one is added, a changed RW updates, an empty cell keeps what is there
		expect(await load('nama,whatsapp,usaha,rw,nama_toko\nBu Siti,081270000001,Penjual kue,5,Kue Lain\nBu Tati,081270000002,Penjual tahu,,\nBu Umi,081270000003,Penjual jamu,6,\n')).toEqual({ ok: true, added: 1, updated: ['Bu Siti'], unchanged: ['Bu Tati'], ignored: [] });
		expect(await roster()).toEqual([
			// the shop's name stays the seller's
			{ name: 'Bu Siti', rw: '05', shop: 'Kue Bu Siti' },
			{ name: 'Bu Tati', rw: '04', shop: 'Tahu Bu Tati' },
			{ name: 'Bu Umi', rw: '06', shop: 'Jamu Bu Umi' }
		]);
	});

	it('should write nothing — no update either — when any row has a problem, and refuse another community with 404', async () => {
		const before = await roster();
		const bad = await load('nama,whatsapp,usaha,rw\nBu Siti,081270000001,Penjual kue,7\nBu Vivi,0812-abc,Penjual kopi,1\n');
		expect(bad.ok).toBe(false);
		if (!bad.ok) expect(bad.problems.map((p) => [p.row, p.column, p.messageKey])).toEqual([[3, 'whatsapp', 'members.import.badPhone']]);
		expect(await roster()).toEqual(before);
		const stranger = staffActor(await makeCommunity(ctx.services), 'coordinator');
		await expect(load('nama,whatsapp,usaha,rw\nBu Siti,081270000001,Penjual kue,8\n', stranger)).rejects.toMatchObject({ status: 404 });
		expect(await roster()).toEqual(before);
	});
});
