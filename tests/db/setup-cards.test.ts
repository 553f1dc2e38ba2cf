import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { callRoute, digestTables, routeByKey } from '../helpers/routes';
import { makeCommunity, system } from '../helpers/factories';
import { linkLines, setupCardsPdf } from '../../src/lib/server/documents/setup-cards';
import { pdfPages } from '../helpers/pdf';
import { MemberService } from '../../src/lib/server/accounts/member.service';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * Issue 8 (g): the setup-card PDF printed names in Helvetica ("Pak Tuấn" came out garbled), and printing cards
 * retired the setup links already sent to those members without saying so. Now the cards are set in DejaVu, and a
 * print that would retire a link that still works first goes to a page naming those members (kartu/periksa);
 * only a confirmed print (`lanjut=1`) issues new links.
 */
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
const members: Record<string, { userId: string; token: string }> = {};

const cards = async (form: Record<string, string | string[]>) => callRoute(await routeByKey('POST /koordinator/[community]/kartu'), { services: ctx.services, actor: coordinator }, { params: { community: community.slug }, form });
const linkState = async (token: string) => ctx.services.auth.setupLinkInfo(token).then(() => 'works', (e: { status: number }) => e.status);

function pdfText(pdf: Buffer, name: string): { text: string; fonts: string } {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	return { text: execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' '), fonts: execFileSync('pdffonts', [file]).toString('utf8') };
}

beforeAll(async () => {
	ctx = await createTestContext({ sqliteFile: true });
	community = await makeCommunity(ctx.services, { slug: 'kartu-qr' });
	const id = await ctx.services.auth.createUser(system, { name: 'Pak Koordinator', email: 'koordinator@kartu-qr.test', password: 'kata-sandi-panjang-1' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
	for (const [key, name, wa] of [['eni', 'Ibu Ëni', '0812 6200 0001'], ['tuan', 'Pak Tuấn', '0812 6200 0002'], ['asep', 'Kang Asep', '0812 6200 0003']] as const) {
		const added = await ctx.services.members.addSeller(coordinator, community, { name, businessType: 'Penjual kue', whatsapp: wa });
		members[key] = { userId: added.userId, token: added.setupToken };
	}
	// Kang Asep's link is gone already (used up): nothing of his is retired by printing.
	await ctx.database.db.updateTable('setup_link').set({ used_at: new Date().toISOString() }).where('user_id', '=', members.asep.userId).execute();
});
afterAll(() => ctx.cleanup());

describe(`setup cards (${TEST_DIALECT})`, () => {
	it('should print names in DejaVu, every letter as typed', async () => {
		const pdf = await setupCardsPdf(
			[
				{ name: 'Ibu Ëni', shop: 'Kue Ëni — RW 03', url: 'https://e-crav.example/atur-sandi/abc', expires: '7 Des 2026' },
				{ name: 'Pak Tuấn', shop: 'Bánh mì Tuấn', url: 'https://e-crav.example/atur-sandi/def', expires: '7 Des 2026' }
			],
			{ title: 'Kartu QR', scan: 'Pindai untuk membuat kata sandi', expires: (d) => `Berlaku sampai ${d}` }
		);
		const { text, fonts } = pdfText(pdf, 'kartu');
		expect(text).toContain('Ibu Ëni');
		expect(text).toContain('Pak Tuấn');
		expect(text).toContain('Bánh mì Tuấn');
		expect(fonts).toMatch(/DejaVuSans-Bold/);
		expect(fonts).not.toMatch(/Helvetica/);
	});

	it('should print a long link whole, cut by width and never after its hyphens (stranger 2026-12-02)', async () => {
		const url = 'https://e-crav.example/kartu-hadir/Ab-cD_ef-GH-ij_KL-mn-OP_qr-ST-uv_WX-yz-01_23-45';
		const pdf = await setupCardsPdf([{ name: 'Ibu Ëni', shop: 'Kue Ëni', url, expires: '7 Des 2026' }], { title: 'Kartu', scan: 'Pindai', expires: (d) => d });
		const { fonts } = pdfText(pdf, 'kartu-link');
		const lines = pdfPages(pdf, ctx.dataDir, 'kartu-link-lines')[0].filter((l) => l.length > 8 && url.includes(l));
		expect(lines.join('')).toBe(url);
		expect(lines.length).toBeGreaterThan(1);
		// the cut falls where the width ends, not after a '-' the way word wrapping cut it
		expect(lines.slice(0, -1).every((l) => l.length >= lines[0].length - 1)).toBe(true);
		expect(lines.filter((l) => l.endsWith('-'))).toEqual([]);
		// and a cut that would fall right after a '-' moves it to the next line
		const narrow = linkLines('ab-cd-ef', 3, (t) => t.length);
		expect(narrow).toEqual(['ab', '-cd', '-ef']);
		expect(fonts).toMatch(/DejaVuSansMono/);
	});

	it(`${MemberService.name}.planSetupCards should name the chosen sellers whose link still works`, async () => {
		const plan = await ctx.services.members.planSetupCards(coordinator, community, [members.eni.userId, members.asep.userId]);
		expect(plan.targets.map((t) => t.name).sort()).toEqual(['Ibu Ëni', 'Kang Asep']);
		expect(plan.retiring.map((r) => r.name)).toEqual(['Ibu Ëni']);
		// No tick: everyone without a password, and the two whose links still work.
		expect((await ctx.services.members.planSetupCards(coordinator, community, [])).retiring.map((r) => r.name).sort()).toEqual(['Ibu Ëni', 'Pak Tuấn']);
	});

	it('should send the print to a check page naming whose link stops working, changing nothing, and print only when confirmed', async () => {
		const before = await digestTables(ctx.database);
		const asked = await cards({ userId: [members.eni.userId, members.asep.userId] });
		expect(asked.status).toBe(303);
		expect(asked.location).toBe(`/koordinator/${community.slug}/kartu/periksa?userId=${members.eni.userId}&userId=${members.asep.userId}`);
		expect(await digestTables(ctx.database)).toEqual(before);
		expect(await linkState(members.eni.token)).toBe('works');

		const noTick = await cards({});
		expect(noTick.location).toBe(`/koordinator/${community.slug}/kartu/periksa`);

		const printed = await cards({ userId: [members.eni.userId, members.asep.userId], lanjut: '1' });
		expect(printed.status).toBe(200);
		expect(printed.headers?.get('content-type')).toBe('application/pdf');
		expect(await linkState(members.eni.token)).toBe(410);
		// Pak Tuấn was not ticked: his link still works.
		expect(await linkState(members.tuan.token)).toBe('works');
	});

	it('should print at once when no chosen member has a link out', async () => {
		// The card printed above gave Kang Asep a new link; say it was used.
		await ctx.database.db.updateTable('setup_link').set({ used_at: new Date().toISOString() }).where('user_id', '=', members.asep.userId).execute();
		const printed = await cards({ userId: members.asep.userId });
		expect(printed.status).toBe(200);
		expect(printed.headers?.get('content-type')).toBe('application/pdf');
	});
});
