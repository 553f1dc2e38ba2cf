import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, makeProgram, rosterSince, staffActor } from '../helpers/program-fixtures';
import { callRoute, routeByKey } from '../helpers/routes';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { evaluationReportPdf } from '../../src/lib/server/documents/evaluation-report';
import { evaluationReportXlsx } from '../../src/lib/server/documents/evaluation-xlsx';
import { attendanceRate } from '../../src/lib/server/program/training-metrics';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

/**
 * Issue 9, coordinator re-test (stop 10): members added to the roster after a session were counted as
 * invited/expected there — "5 dari 29" instead of "5 dari 27" on a finished program, a lower rate, and a
 * seller who joined in 2026 listed absent in the daftar hadir of a November 2024 session. The rule
 * (training/expected.ts): a session expects the members on the roster when it started who were invited,
 * plus anyone marked present. Every place that prints a session's expected members is checked here.
 */

// long after the demo program (28 Oct – 6 Dec 2024) ended: a finished program is read today
const NOW = new Date('2026-11-30T05:00:00Z');
let ctx: TestContext;
let cigadung: Community;
let coordinator: Actor;
let programId: string;
let trainingId: string;
let rosterBefore: { memberId: string; name: string }[];
const late: { memberId: string; name: string }[] = [];
let seq = 0;
const eid = () => `exp-${Date.now().toString(36)}-${++seq}`;

function pdfText(pdf: Buffer, name: string): string {
	const file = join(ctx.dataDir, `${name}.pdf`);
	writeFileSync(file, pdf);
	return execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-']).toString('utf8').replace(/\s+/g, ' ');
}

async function sheetRows(xlsx: Buffer, name: string): Promise<unknown[][]> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
	const rows: unknown[][] = [];
	wb.getWorksheet(name)!.eachRow((row, i) => i > 1 && rows.push((row.values as unknown[]).slice(1)));
	return rows;
}

/** Everything that says how many a session expected, side by side. */
async function figures() {
	const view = await ctx.services.trainings.attendance(coordinator, trainingId);
	const dashboard = await ctx.services.indicators.dashboard(coordinator, programId);
	const api = await callRoute(await routeByKey('GET /api/v1/programs/[programId]/indicators'), { services: ctx.services, actor: coordinator }, { params: { programId } });
	const apiAttendance = await callRoute(await routeByKey('GET /api/v1/trainings/[trainingId]/attendance'), { services: ctx.services, actor: coordinator }, { params: { trainingId } });
	const report = await ctx.services.reports.build(coordinator, programId);
	const xlsx = await evaluationReportXlsx(report);
	const pdf = pdfText(await evaluationReportPdf(report), `laporan-${++seq}`);
	return {
		view,
		rate: dashboard.metrics.attendance_rate,
		apiRate: (api.body as { data: { key: string; value: number | null }[] }).data.find((i) => i.key === 'attendance_rate')?.value,
		apiAttendance: apiAttendance.body as { data: { memberId: string }[]; expected: number; rate: number },
		metricRate: await attendanceRate(ctx.database.db, programId, NOW),
		report,
		sesi: await sheetRows(xlsx, 'Sesi'),
		daftarHadir: await sheetRows(xlsx, 'Daftar hadir'),
		lampiran: pdf.slice(pdf.indexOf('DAFTAR HADIR SESI 1'))
	};
}

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	await seedDemoCommunity(ctx.services, { photos: false });
	cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const token = (await ctx.services.auth.login({ login: 'koordinator@cigadung.test', password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token;
	coordinator = (await ctx.services.auth.actorForToken(token, 'cookie'))!.actor;
	programId = (await ctx.services.programs.listByCommunity(coordinator, cigadung))[0].id;
	// the field report's training: 28 November 2024, 15.00 WIB; five sellers came
	const t = await ctx.services.trainings.create(coordinator, programId, { title: 'Peningkatan Kapasitas Bagi Para Pelaku UKM', startsAt: '2024-11-28T15:00', venue: 'Gedung Serbaguna Kelurahan Cigadung' });
	trainingId = t.id;
	const view = await ctx.services.trainings.attendance(coordinator, t.id);
	rosterBefore = view.data.map((d) => ({ memberId: d.memberId, name: d.name }));
	await ctx.services.trainings.recordAttendance(coordinator, t.id, { events: rosterBefore.slice(0, 5).map((r, i) => ({ id: eid(), memberId: r.memberId, present: true, at: `2024-11-28T08:0${i}:00Z` })) });
}, 120_000);
afterAll(() => ctx.cleanup());

describe(`a session's expected members are the roster when it took place (${TEST_DIALECT})`, () => {
	it('should keep "5 dari N" of a held session, its rate, daftar hadir and XLSX when two members are added today', async () => {
		const n = rosterBefore.length;
		expect(n).toBeGreaterThan(5);
		const before = await figures();
		expect(before.view).toMatchObject({ present: 5, expected: n });

		// today (2026) the coordinator adds two sellers to the roster, as the roster page does
		for (const [name, phone] of [
			['Ibu Nining Rahmawati', '0813 2222 1001'],
			['Pak Dadang Suhendar', '0813 2222 1002']
		]) {
			const added = await ctx.services.members.addSeller(coordinator, cigadung, { name, businessType: 'Penjual kue basah', area: 'RW 06', whatsapp: phone });
			const row = await ctx.database.db.selectFrom('member').select(['id', 'person_name', 'created_at']).where('shop_id', '=', added.shopId).executeTakeFirstOrThrow();
			expect(Date.parse(row.created_at)).toBeGreaterThan(Date.parse('2024-11-28T08:00:00Z'));
			late.push({ memberId: row.id, name: row.person_name });
		}
		expect((await ctx.services.trainings.invitees(coordinator, trainingId)).length).toBe(n + 2);

		const after = await figures();
		const lateIds = late.map((l) => l.memberId);
		// the training page's count and list (and the attendance API)
		expect(after.view).toMatchObject({ present: 5, expected: n, rate: 5 / n });
		expect(after.view.data.some((d) => lateIds.includes(d.memberId))).toBe(false);
		// still on the attendance page, apart, so a walk-in can be ticked
		expect(after.view.others.map((o) => o.memberId)).toEqual(expect.arrayContaining(lateIds));
		expect(after.apiAttendance.expected).toBe(n);
		expect(after.apiAttendance.data.some((d) => lateIds.includes(d.memberId))).toBe(false);
		// the attendance rate indicator: dashboard, indicators API, training-metrics, report
		expect(after.rate).toBe(before.rate);
		expect(after.rate).toBe(Math.round((5 / n) * 1000) / 10);
		expect(after.apiRate).toBe(before.rate);
		expect(after.metricRate).toBe(before.rate);
		expect(after.report.attendance).toEqual({ present: 5, expected: n, rate: 5 / n });
		// the report's per-session table and the lampiran
		expect(after.report.trainings[0]).toMatchObject({ present: 5, expected: n });
		expect(after.report.trainings[0].roster.map((r) => r.name)).not.toContain(late[0].name);
		expect(after.lampiran).toContain(`Jumlah hadir: 5 dari ${n}`);
		for (const l of late) expect(after.lampiran).not.toContain(l.name);
		// the XLSX: the session row and the daftar hadir sheet
		expect(after.sesi[0].slice(5, 7)).toEqual([5, n]);
		expect(after.daftarHadir).toHaveLength(n);
		expect(after.daftarHadir.map((r) => r[2])).not.toContain(late[0].name);
		expect(after.daftarHadir.map((r) => r[2])).not.toContain(late[1].name);
		expect(after.daftarHadir).toEqual(before.daftarHadir);
	});

	it('should still count a member who was on the roster and stayed away as absent, everywhere', async () => {
		const { view, report, daftarHadir, lampiran } = await figures();
		// the demo roster has two sellers called "Ibu E": name and shop tell them apart, as the daftar hadir does
		const absent = view.data.find((d) => d.memberId === rosterBefore[5].memberId)!;
		expect(absent).toMatchObject({ invited: true, present: false });
		expect(report.trainings[0].roster.find((r) => r.name === absent.name && r.shopName === absent.shopName)).toMatchObject({ present: false });
		expect(daftarHadir.find((r) => r[2] === absent.name && r[3] === absent.shopName)?.[4]).toBe('tidak');
		expect(lampiran).toContain(absent.shopName);
	});

	it('should count a member who joined after the start but was ticked present (a walk-in) as expected and present', async () => {
		const n = rosterBefore.length;
		await ctx.services.trainings.recordAttendance(coordinator, trainingId, { events: [{ id: eid(), memberId: late[0].memberId, present: true, at: '2024-11-28T09:00:00Z' }] });
		const { view, report, daftarHadir, rate } = await figures();
		expect(view).toMatchObject({ present: 6, expected: n + 1 });
		expect(report.trainings[0]).toMatchObject({ present: 6, expected: n + 1 });
		expect(rate).toBe(Math.round((6 / (n + 1)) * 1000) / 10);
		expect(daftarHadir.find((r) => r[2] === late[0].name)?.[4]).toBe('ya');
		expect(daftarHadir.map((r) => r[2])).not.toContain(late[1].name);
		// the tick undone: out of the count again (listed, as a tick that was undone)
		await ctx.services.trainings.recordAttendance(coordinator, trainingId, { events: [{ id: eid(), memberId: late[0].memberId, present: false, at: '2024-11-28T09:05:00Z' }] });
		expect(await ctx.services.trainings.attendance(coordinator, trainingId)).toMatchObject({ present: 5, expected: n });
	});
});

describe(`invitations and the roster date (${TEST_DIALECT})`, () => {
	it('should not count a name ticked on the invitation list of a session held before they joined, and say why on the list', async () => {
		const village = await makeCommunity(ctx.services);
		const coord = staffActor(village, 'coordinator');
		const prog = await makeProgram(ctx.database.db, village);
		const early: string[] = [];
		for (const name of ['Bu Ani', 'Pak Budi']) early.push((await makeMember(ctx.services, ctx.database.db, village, name)).memberId);
		await rosterSince(ctx.database.db, village);
		const joined = (await makeMember(ctx.services, ctx.database.db, village, 'Bu Baru')).memberId;
		const t = await ctx.services.trainings.create(coord, prog, { title: 'Sesi', startsAt: '2024-11-28T09:00', venue: 'Balai RW' });
		await ctx.services.trainings.setInvitees(coord, t.id, [early[0], joined]);
		const list = await ctx.services.trainings.invitees(coord, t.id);
		expect(list.find((m) => m.id === joined)).toMatchObject({ named: true, invited: false, joinedAfter: true });
		expect(list.find((m) => m.id === early[0])).toMatchObject({ named: true, invited: true, joinedAfter: false });
		expect(list.find((m) => m.id === early[1])).toMatchObject({ named: false, invited: false, joinedAfter: false });
		expect(await ctx.services.trainings.attendance(coord, t.id)).toMatchObject({ present: 0, expected: 1 });
		expect(await attendanceRate(ctx.database.db, prog, NOW)).toBe(0);
		// a session still to come expects everyone on the roster now, the newest member too
		const next = await ctx.services.trainings.create(coord, prog, { title: 'Sesi berikutnya', startsAt: '2027-01-10T09:00', venue: 'Balai RW' });
		expect(await ctx.services.trainings.attendance(coord, next.id)).toMatchObject({ expected: 3 });
		// another community's coordinator learns nothing
		await expect(ctx.services.trainings.invitees(staffActor(cigadung, 'coordinator'), t.id)).rejects.toMatchObject({ status: 404 });
	});

	it("should not offer a session held before a member joined as one of their trainings, nor take their test answers for it", async () => {
		const village = await makeCommunity(ctx.services);
		const coord = staffActor(village, 'coordinator');
		const prog = await makeProgram(ctx.database.db, village);
		const t = await ctx.services.trainings.create(coord, prog, { title: 'Sesi lama', startsAt: '2024-11-28T09:00', venue: 'Balai RW' });
		const newcomer = await makeMember(ctx.services, ctx.database.db, village, 'Bu Baru');
		const seller = staffActor(village, 'seller', [newcomer.shopId]);
		const mine = await ctx.services.tests.myTrainings(seller);
		expect(mine.map((x) => x.id)).not.toContain(t.id);
		// a session still to come is theirs
		const next = await ctx.services.trainings.create(coord, prog, { title: 'Sesi baru', startsAt: '2027-01-10T09:00', venue: 'Balai RW' });
		expect((await ctx.services.tests.myTrainings(seller)).map((x) => x.id)).toEqual([next.id]);
		await expect(ctx.services.tests.react(seller, t.id, { satisfaction: 5, usefulness: 5, confidenceBefore: 2, confidenceNow: 4 })).rejects.toMatchObject({ status: 404 });
	});
});
