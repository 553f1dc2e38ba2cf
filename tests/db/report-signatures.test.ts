import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
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
	it("should print the community's coordinator's name under the coordinator's office, not another community's nor a facilitator's", async () => {
		const village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
		const other = await makeCommunity(ctx.services, { name: 'Kelurahan Lain' });
		await makeStaff(ctx.services, other, 'coordinator', 'Koordinator Desa Lain');
		const facilitator = await makeStaff(ctx.services, village, 'facilitator', 'Pendamping Dinas');
		const coordinator = await makeStaff(ctx.services, village, 'coordinator', 'Hj. Euis Nurhayati');
		await makeStaff(ctx.services, village, 'coordinator', 'Koordinator Kedua');
		const p = await programOf(village, coordinator, 'Program Tanda Tangan');

		// the same name whoever downloads it: the community's first coordinator
		for (const actor of [facilitator, coordinator]) {
			const data = await ctx.services.reports.build(actor, p.id);
			expect(data.coordinatorName).toBe('Hj. Euis Nurhayati');
		}
		const data = await ctx.services.reports.build(facilitator, p.id);
		const tail = signatures(pdfPages(await evaluationReportPdf(data), ctx.dataDir, 'laporan-ttd-koordinator')[0]);
		expect(tail).toMatch(/Koordinator Kelurahan Cigadung .*\| .*Hj\. Euis Nurhayati/);
		expect(tail).not.toContain('Koordinator Desa Lain');
		expect(tail).not.toContain('Pendamping Dinas');
		expect(tail).not.toContain('Koordinator Kedua');
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
