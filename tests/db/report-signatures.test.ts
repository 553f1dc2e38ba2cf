import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
import { staffActor } from '../helpers/program-fixtures';
import { pdfPages, pdfWords } from '../helpers/pdf';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { invitationLetterPdf } from '../../src/lib/server/documents/invitation-letter';
import { letterSchema } from '../../src/lib/validation/training';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// issue 9 re-test: the coordinator's signature block read "(……)" with no room for a name
const NOW = new Date('2024-12-03T03:00:00Z');
let ctx: TestContext;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
}, 60_000);
afterAll(() => ctx.cleanup());

async function programOf(community: Community, actor: Actor, name: string) {
	return ctx.services.programs.create(actor, community, { name, theme: '', goals: '', targetGroup: '', startsOn: '2024-11-01', endsOn: '2024-12-31' });
}

/** The lines of page 1 from "Mengetahui," on: the two signature blocks of the halaman pengesahan. */
const signatures = (lines: string[]) => lines.slice(lines.findIndex((l) => l === 'Mengetahui,')).join(' | ');

describe(`evaluation report: the coordinator's signature block (${TEST_DIALECT})`, () => {
	it('should print the name typed for the program under "Koordinator …" once, never an account\'s name; other villages and sellers get 404', async () => {
		const village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
		const other = await makeCommunity(ctx.services, { name: 'Kelurahan Lain' });
		const otherCoordinator = await makeStaff(ctx.services, other, 'coordinator', 'Koordinator Desa Lain');
		const facilitator = await makeStaff(ctx.services, village, 'facilitator', 'Pendamping Dinas');
		// the demo's first coordinator account is a seller's, its title in brackets: never printed by itself
		const coordinator = await makeStaff(ctx.services, village, 'coordinator', 'UJ (Koordinator TKM UMKM Kharisma)');
		const p = await programOf(village, coordinator, 'Program Tanda Tangan');
		expect((await ctx.services.reports.build(coordinator, p.id)).coordinatorName).toBe('');
		expect(signatures(pdfPages(await evaluationReportPdf(await ctx.services.reports.build(coordinator, p.id)), ctx.dataDir, 'laporan-ttd-belum')[0])).not.toContain('UJ');

		// another village's coordinator, a seller: 404, nothing saved; a name too long: the form's message, nothing saved
		const seller = staffActor(village, 'seller');
		for (const actor of [otherCoordinator, seller]) await expect(ctx.services.reports.setCoordinatorSigner(actor, p.id, { name: 'Orang Lain' })).rejects.toMatchObject({ status: 404 });
		await expect(ctx.services.reports.setCoordinatorSigner(coordinator, p.id, { name: 'x'.repeat(81) })).rejects.toMatchObject({ status: 422 });
		expect((await ctx.services.reports.build(coordinator, p.id)).coordinatorName).toBe('');

		await ctx.services.reports.setCoordinatorSigner(coordinator, p.id, { name: '  Hj. Euis Nurhayati ' });
		// the same name whoever downloads it
		for (const actor of [facilitator, coordinator]) expect((await ctx.services.reports.build(actor, p.id)).coordinatorName).toBe('Hj. Euis Nurhayati');
		const tail = signatures(pdfPages(await evaluationReportPdf(await ctx.services.reports.build(facilitator, p.id)), ctx.dataDir, 'laporan-ttd-koordinator')[0]);
		expect(tail).toMatch(/Koordinator Kelurahan Cigadung .*\| .*Hj\. Euis Nurhayati/);
		expect(tail.match(/Koordinator/g)).toHaveLength(1);
		expect(tail).not.toContain('Koordinator Desa Lain');
		expect(tail).not.toContain('Pendamping Dinas');

		// emptied again: the dotted line
		await ctx.services.reports.setCoordinatorSigner(coordinator, p.id, { name: '' });
		expect((await ctx.services.reports.build(coordinator, p.id)).coordinatorName).toBe('');
	});

	it('should print the letters\' place and the handover day above the signatures ("Kuningan, 6 Desember 2024")', async () => {
		const village = await makeCommunity(ctx.services, { name: 'Kelurahan Cipari' });
		const coordinator = await makeStaff(ctx.services, village, 'coordinator', 'Koordinator Cipari');
		const p = await programOf(village, coordinator, 'Program Tempat');
		await ctx.services.trainings.create(coordinator, p.id, { title: 'Sesi surat', startsAt: '2024-11-28T09:00', venue: 'Balai RW 01', letter: { place: 'Kuningan', signerName: 'Budiana Suparman, SE' } });
		await ctx.services.programs.saveHandover(coordinator, p.id, { recipient: 'Kelompok UMKM Kharisma', followUp: 'Pertemuan bulanan', handedOverOn: '2024-12-06' });
		const lines = pdfPages(await evaluationReportPdf(await ctx.services.reports.build(coordinator, p.id)), ctx.dataDir, 'laporan-tempat')[0];
		// "Mengetahui," over the Lurah at the left, the place and date over the coordinator at the right, one line
		const at = lines.findIndex((l) => l.startsWith('Mengetahui,'));
		expect(lines[at]).toBe('Mengetahui, Kuningan, 6 Desember 2024');
		expect(lines[at + 1]).toMatch(/^Kepala Kelurahan Cipari Koordinator Kelurahan Cipari$/);
	});

	it('should leave a dotted line long enough for a name written by hand when the community has no coordinator account', async () => {
		const fresh = await makeCommunity(ctx.services, { name: 'Kelurahan Windujanten' });
		const facilitator = await makeStaff(ctx.services, fresh, 'facilitator', 'Pendamping Windujanten');
		const p = await programOf(fresh, facilitator, 'Program Tanpa Koordinator');
		const data = await ctx.services.reports.build(facilitator, p.id);
		expect(data.coordinatorName).toBe('');
		const pdf = await evaluationReportPdf(data);
		expect(signatures(pdfPages(pdf, ctx.dataDir, 'laporan-ttd-kosong')[0])).toMatch(/Koordinator Kelurahan Windujanten .*\| \(\.{20,}\)/);
		// both blocks (the Lurah's and the coordinator's) have no name: each line is at least 180 pt (6.3 cm) wide
		const lines = pdfWords(pdf, ctx.dataDir, 'laporan-ttd-kosong').filter((w) => /^\(\.+\)$/.test(w.text));
		expect(lines).toHaveLength(2);
		for (const l of lines) expect(l.xMax - l.xMin).toBeGreaterThanOrEqual(180);
	});
});

describe('invitation letter: signer without a name', () => {
	it("should leave a dotted line long enough for the signer's name written by hand", async () => {
		const community = await makeCommunity(ctx.services, { name: 'Kelurahan Cipari' });
		const letter = letterSchema.parse({ number: '005/1/Kel/2024', signerTitle: 'Lurah Cipari' });
		const pdf = await invitationLetterPdf({ community, training: { title: 'Pelatihan Foto Produk', startsAt: '2024-11-28T02:00:00Z', venue: 'Balai RW 02', speakers: [], agenda: [], letter }, today: '2024-11-26T03:00:00Z' });
		const [line] = pdfWords(pdf, ctx.dataDir, 'undangan-ttd-kosong').filter((w) => /^\(\.+\)$/.test(w.text));
		expect(line.xMax - line.xMin).toBeGreaterThanOrEqual(180);
	});
});
