import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { makeSellerActor, makeStaff, programTablesSnapshot } from '../helpers/program';
import { ProgramService } from '../../src/lib/server/program/program.service';
import { PUBLIC_ACTOR, type Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import { METRICS } from '../../src/lib/server/program/metrics';

let ctx: TestContext;
let cigadung: Community;
let other: Community;
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;
let otherFacilitator: Actor;
let seller: Actor;

beforeAll(async () => {
	ctx = await createTestContext();
	cigadung = await makeCommunity(ctx.services, { slug: 'cigadung-prog' });
	other = await makeCommunity(ctx.services, { slug: 'sukamulya-prog' });
	coordinator = await makeStaff(ctx.services, cigadung, 'coordinator');
	facilitator = await makeStaff(ctx.services, cigadung, 'facilitator');
	otherCoordinator = await makeStaff(ctx.services, other, 'coordinator');
	otherFacilitator = await makeStaff(ctx.services, other, 'facilitator');
	seller = (await makeSellerActor(ctx.services, cigadung, coordinator)).actor;
});
afterAll(() => ctx.cleanup());

const plan = { name: 'E-Commerce Creative (E-Crav)', theme: 'Pemasaran daring', goals: 'Mendaftar\nMengelola toko', targetGroup: 'Pelaku UMKM', startsOn: '2024-10-28', endsOn: '2024-12-06' };
let copies = 0;
/** What the copy form asks: the new program's own name and its field period. */
const copyInput = (over: Partial<{ name: string; startsOn: string; endsOn: string }> = {}) => ({ name: `E-Crav tahun kedua ${++copies}`, startsOn: '2025-03-01', endsOn: '2025-08-31', ...over });

describe(`${ProgramService.name} (${TEST_DIALECT})`, () => {
	describe('create', () => {
		it("should create the report's seven stages in order and one automatic indicator per metric", async () => {
			const p = await ctx.services.programs.create(facilitator, cigadung, plan);
			const got = await ctx.services.programs.get(coordinator, p.id);
			expect(got.stages.map((s) => s.key)).toEqual(['persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi']);
			expect(got.stages.every((s) => s.status === 'belum')).toBe(true);
			expect(got).toMatchObject({ name: plan.name, starts_on: '2024-10-28', ends_on: '2024-12-06', target_group: 'Pelaku UMKM' });
			const inds = await ctx.database.db.selectFrom('program_indicator').select(['key', 'source', 'metric']).where('program_id', '=', p.id).orderBy('position').execute();
			expect(inds.map((i) => i.key)).toEqual([...METRICS]);
			expect(inds.every((i) => i.source === 'auto' && i.metric === i.key)).toBe(true);
		});

		it('should refuse a bad plan with field messages and write nothing', async () => {
			const before = await programTablesSnapshot(ctx.services);
			await expect(ctx.services.programs.create(coordinator, cigadung, { ...plan, name: 'X', startsOn: '2024-12-06', endsOn: '2024-10-28' })).rejects.toMatchObject({
				status: 422,
				issues: expect.arrayContaining([expect.objectContaining({ field: 'name', messageKey: 'program.nameShort' })])
			});
			await expect(ctx.services.programs.create(coordinator, cigadung, { ...plan, startsOn: '2024-12-06', endsOn: '2024-10-28' })).rejects.toMatchObject({ issues: [{ field: 'endsOn', messageKey: 'program.dateOrder' }] });
			await expect(ctx.services.programs.create(coordinator, cigadung, { ...plan, startsOn: '2024-02-30' })).rejects.toMatchObject({ issues: [{ field: 'startsOn', messageKey: 'program.dateInvalid' }] });
			expect(await programTablesSnapshot(ctx.services)).toBe(before);
		});

		it("should refuse another community's coordinator and facilitator, a seller (404) and a visitor (401), writing nothing", async () => {
			const before = await programTablesSnapshot(ctx.services);
			for (const actor of [otherCoordinator, otherFacilitator, seller]) {
				await expect(ctx.services.programs.create(actor, cigadung, plan)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.programs.listByCommunity(actor, cigadung)).rejects.toMatchObject({ status: 404 });
			}
			await expect(ctx.services.programs.create(PUBLIC_ACTOR, cigadung, plan)).rejects.toMatchObject({ status: 401 });
			expect(await programTablesSnapshot(ctx.services)).toBe(before);
		});
	});

	describe('listByCommunity', () => {
		it("should list only the community's own programs, newest first, with stages", async () => {
			await ctx.services.programs.create(otherCoordinator, other, { name: 'Program Sukamulya' });
			const later = await ctx.services.programs.create(coordinator, cigadung, { name: 'Program lanjutan 2025' });
			const list = await ctx.services.programs.listByCommunity(facilitator, cigadung);
			expect(list[0].id).toBe(later.id);
			expect(list.map((p) => p.name)).not.toContain('Program Sukamulya');
			expect(list.every((p) => p.stages.length === 7)).toBe(true);
		});
	});

	describe('updateStage', () => {
		it('should save status, dates and notes of one stage', async () => {
			const p = await ctx.services.programs.create(coordinator, cigadung, plan);
			const s = await ctx.services.programs.updateStage(facilitator, p.id, 'asesmen', { status: 'selesai', startsOn: '2024-11-04', endsOn: '2024-11-08', notes: 'MPA dan SLA bersama TKM' });
			expect(s).toMatchObject({ key: 'asesmen', status: 'selesai', starts_on: '2024-11-04', ends_on: '2024-11-08', notes: 'MPA dan SLA bersama TKM' });
			const again = await ctx.services.programs.updateStage(facilitator, p.id, 'asesmen', { status: 'berjalan', startsOn: '', endsOn: '' });
			expect(again).toMatchObject({ status: 'berjalan', starts_on: null, ends_on: null, notes: '' });
		});

		it('should refuse an unknown stage or status, and other tenants, changing nothing', async () => {
			const p = await ctx.services.programs.create(coordinator, cigadung, plan);
			const before = await programTablesSnapshot(ctx.services);
			await expect(ctx.services.programs.updateStage(coordinator, p.id, 'panen', { status: 'selesai' })).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.programs.updateStage(coordinator, p.id, 'dialog', { status: 'beres' as 'selesai' })).rejects.toMatchObject({ status: 422 });
			for (const actor of [otherCoordinator, otherFacilitator, seller]) {
				await expect(ctx.services.programs.updateStage(actor, p.id, 'dialog', { status: 'selesai' })).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.programs.get(actor, p.id)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.programs.updatePlan(actor, p.id, plan)).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.programs.saveHandover(actor, p.id, { recipient: 'Kelompok UMKM Kharisma' })).rejects.toMatchObject({ status: 404 });
				await expect(ctx.services.programs.getHandover(actor, p.id)).rejects.toMatchObject({ status: 404 });
			}
			await expect(ctx.services.programs.get(coordinator, 'prg_tidak_ada')).rejects.toMatchObject({ status: 404 });
			expect(await programTablesSnapshot(ctx.services)).toBe(before);
		});
	});

	describe('updatePlan', () => {
		it('should change name, theme, goals and target group', async () => {
			const p = await ctx.services.programs.create(coordinator, cigadung, { name: 'Draf' });
			const u = await ctx.services.programs.updatePlan(facilitator, p.id, plan);
			expect(u).toMatchObject({ name: plan.name, theme: plan.theme, goals: plan.goals, target_group: plan.targetGroup });
		});
	});

	describe('saveHandover', () => {
		it('should store the handover once per program and update it in place', async () => {
			const p = await ctx.services.programs.create(coordinator, cigadung, plan);
			expect(await ctx.services.programs.getHandover(coordinator, p.id)).toBeNull();
			await ctx.services.programs.saveHandover(coordinator, p.id, { recipient: 'Kelompok UMKM Kharisma', followUp: 'Bergabung dengan komunitas bisnis lokal', handedOverOn: '2024-12-06' });
			await ctx.services.programs.saveHandover(facilitator, p.id, { recipient: 'TKM UMKM Kharisma', followUp: 'Pertemuan bulanan', handedOverOn: '2024-12-06' });
			expect(await ctx.services.programs.getHandover(facilitator, p.id)).toMatchObject({ recipient: 'TKM UMKM Kharisma', follow_up: 'Pertemuan bulanan', handed_over_on: '2024-12-06' });
			await expect(ctx.services.programs.saveHandover(coordinator, p.id, { recipient: '' })).rejects.toMatchObject({ issues: [{ field: 'recipient', messageKey: 'program.recipientShort' }] });
		});
	});

	describe('copyToCommunity', () => {
		it('should copy plan, stages and indicator targets but no dates, notes, baselines, entries or handover', async () => {
			const both = await makeStaff(ctx.services, cigadung, 'coordinator', 'Koordinator dua desa');
			await ctx.services.members.addRole(system, other, (both as { userId: string }).userId, 'coordinator');
			const bothActor = (await ctx.services.auth.loadActor((both as { userId: string }).userId))!;
			const src = await ctx.services.programs.create(coordinator, cigadung, plan);
			await ctx.services.programs.updateStage(coordinator, src.id, 'dialog', { status: 'selesai', startsOn: '2024-10-29', notes: 'Bertemu Pak Lurah' });
			await ctx.services.programs.saveHandover(coordinator, src.id, { recipient: 'Kelompok UMKM Kharisma' });
			await ctx.database.db.updateTable('program_indicator').set({ baseline: 3, target: 25 }).where('program_id', '=', src.id).where('key', '=', 'products_published').execute();

			const copy = await ctx.services.programs.copyToCommunity(bothActor, src.id, other, { name: 'E-Crav Sukamulya 2025', startsOn: '2025-03-01', endsOn: '2025-08-31' });
			expect(copy).toMatchObject({ community_id: other.id, name: 'E-Crav Sukamulya 2025', theme: plan.theme, goals: plan.goals, starts_on: '2025-03-01', ends_on: '2025-08-31' });
			const got = await ctx.services.programs.get(otherCoordinator, copy.id);
			expect(got.stages.map((s) => [s.key, s.status, s.starts_on, s.notes])).toEqual(got.stages.map((s) => [s.key, 'belum', null, '']));
			expect(got.stages).toHaveLength(7);
			const ind = await ctx.database.db.selectFrom('program_indicator').selectAll().where('program_id', '=', copy.id).where('key', '=', 'products_published').executeTakeFirstOrThrow();
			expect(ind).toMatchObject({ baseline: null, target: 25 });
			expect(await ctx.services.programs.getHandover(otherCoordinator, copy.id)).toBeNull();
			await expect(ctx.services.programs.get(coordinator, copy.id)).rejects.toMatchObject({ status: 404 });
		});

		it('should copy the question bank but no training (no session a seller would see twice), and leave the source untouched', async () => {
			const both = await makeStaff(ctx.services, cigadung, 'coordinator', 'Koordinator pelatihan');
			await ctx.services.members.addRole(system, other, (both as { userId: string }).userId, 'coordinator');
			const bothActor = (await ctx.services.auth.loadActor((both as { userId: string }).userId))!;
			const src = await ctx.services.programs.create(coordinator, cigadung, plan);
			const agenda = ['Pembukaan oleh Lurah', 'Membuat toko di E-Crav', 'Foto produk dengan HP'];
			const t = await ctx.services.trainings.create(coordinator, src.id, {
				title: 'Pelatihan Pemasaran Digital',
				startsAt: '2024-11-28T09:00',
				venue: 'Aula Kelurahan Cigadung',
				speakers: ['Dinas Koperasi dan UMKM'],
				agenda,
				letter: { number: '005/123-Kel', subject: 'Undangan Pelatihan', body: 'Dengan hormat, kami mengundang Bapak/Ibu.', signerName: 'Pak Lurah Cigadung', addressees: ['Pelaku UMKM RW 01'] }
			});
			const member = await makeSellerActor(ctx.services, cigadung, coordinator);
			const memberId = (await ctx.database.db.selectFrom('member').select('id').where('shop_id', '=', member.shopId).executeTakeFirstOrThrow()).id;
			await ctx.services.trainings.setInvitees(coordinator, t.id, [memberId]);
			await ctx.services.trainings.recordAttendance(coordinator, t.id, { events: [{ id: 'evt-copy-0001', memberId, present: true, at: '2024-11-28T02:05:00.000Z' }] });
			await ctx.services.tests.setScores(coordinator, t.id, { kind: 'pre', scores: [{ memberId, score: 40 }] });
			const bank = await ctx.services.tests.questionsForStaff(coordinator, cigadung.id);
			await ctx.database.db.updateTable('test_question').set({ text: 'Pertanyaan khas Cigadung: apa itu QRIS?' }).where('id', '=', bank[0].id).execute();

			const trainingsBefore = await ctx.database.db.selectFrom('training').select('id').execute();
			const copy = await ctx.services.programs.copyToCommunity(bothActor, src.id, other, copyInput());
			expect(await ctx.services.trainings.listForProgram(otherCoordinator, copy.id)).toEqual([]);
			expect(await ctx.database.db.selectFrom('training').select('id').execute()).toHaveLength(trainingsBefore.length);
			// next year's program in the same village: the dated session is not carried into it either
			const nextYear = await ctx.services.programs.copyToCommunity(coordinator, src.id, cigadung, copyInput());
			expect(await ctx.services.trainings.listForProgram(coordinator, nextYear.id)).toEqual([]);
			expect((await ctx.services.trainings.listForProgram(coordinator, src.id)).map((x) => x.id)).toEqual([t.id]);
			const copiedBank = await ctx.services.tests.questionsForStaff(otherCoordinator, other.id);
			expect(copiedBank.map((q) => [q.text, q.choices, q.correct])).toEqual(bank.map((q, i) => [i === 0 ? 'Pertanyaan khas Cigadung: apa itu QRIS?' : q.text, q.choices, q.correct]));
			expect(copiedBank.filter((q) => bank.some((b) => b.id === q.id))).toEqual([]);
			// a second copy adds no question twice
			await ctx.services.programs.copyToCommunity(bothActor, src.id, other, copyInput());
			expect(await ctx.services.tests.questionsForStaff(otherCoordinator, other.id)).toHaveLength(copiedBank.length);
			// the source is untouched
			expect((await ctx.services.tests.results(coordinator, t.id)).members.find((x) => x.memberId === memberId)).toMatchObject({ pre: 40 });
		});

		it('should refuse, with nothing written: 404 to whoever cannot see the program, 403 for a target they do not run', async () => {
			const src = await ctx.services.programs.create(coordinator, cigadung, plan);
			await ctx.services.trainings.create(coordinator, src.id, { title: 'Pelatihan Foto Produk', startsAt: '2024-11-29T09:00', venue: 'Balai RW 02', agenda: ['Foto di dekat jendela'] });
			await ctx.services.tests.questionsForStaff(coordinator, cigadung.id);
			const before = await programTablesSnapshot(ctx.services);
			// another community's staff and a seller: the program is not theirs to see
			for (const actor of [otherCoordinator, otherFacilitator, seller]) {
				await expect(ctx.services.programs.copyToCommunity(actor, src.id, other, copyInput())).rejects.toMatchObject({ status: 404, messageKey: 'program.notFound' });
			}
			// the program's own staff, into a community they do not run: said plainly
			for (const actor of [coordinator, facilitator]) {
				await expect(ctx.services.programs.copyToCommunity(actor, src.id, other, copyInput())).rejects.toMatchObject({ status: 403, messageKey: 'program.copyNotStaff' });
				expect(ctx.services.programs.copyTargets(actor, src, [other, cigadung])).toEqual([cigadung]);
			}
			await expect(ctx.services.programs.copyToCommunity(PUBLIC_ACTOR, src.id, other, copyInput())).rejects.toMatchObject({ status: 401 });
			expect(await programTablesSnapshot(ctx.services)).toBe(before);
		});

		it('should let a facilitator of both communities copy (they may create a program in either anyway)', async () => {
			const src = await ctx.services.programs.create(coordinator, cigadung, plan);
			const fac = await makeStaff(ctx.services, cigadung, 'facilitator', 'Pendamping Dinas dua desa');
			await ctx.services.members.addRole(system, other, (fac as { userId: string }).userId, 'facilitator');
			const facBoth = (await ctx.services.auth.loadActor((fac as { userId: string }).userId))!;
			expect(ctx.services.programs.copyTargets(facBoth, src, [other, cigadung]).map((c) => c.id)).toEqual([cigadung.id, other.id]);
			const copy = await ctx.services.programs.copyToCommunity(facBoth, src.id, other, copyInput({ name: plan.name }));
			// another village may use the same name: it is a program of its own there
			expect(copy).toMatchObject({ community_id: other.id, name: plan.name });
			expect((await ctx.services.programs.get(otherCoordinator, copy.id)).stages).toHaveLength(7);
			// next year's program in the same village, from this year's
			const again = await ctx.services.programs.copyToCommunity(facilitator, src.id, cigadung, { name: 'E-Crav 2025', startsOn: '2025-01-06', endsOn: '2025-06-30' });
			expect(again).toMatchObject({ community_id: cigadung.id, name: 'E-Crav 2025', starts_on: '2025-01-06', ends_on: '2025-06-30' });
			expect(again.id).not.toBe(src.id);
		});

		it('should ask for a new name and the dates, with the one date rule, and write nothing on bad input', async () => {
			const src = await ctx.services.programs.create(coordinator, cigadung, { ...plan, name: 'E-Crav Cigadung 2024' });
			const before = await programTablesSnapshot(ctx.services);
			const refused = async (input: Record<string, unknown>, field: string, messageKey: string) => {
				const e = await ctx.services.programs.copyToCommunity(coordinator, src.id, cigadung, input as never).catch((x: unknown) => x);
				expect(e, JSON.stringify(input)).toMatchObject({ status: 422 });
				expect((e as { issues: { field: string; messageKey: string }[] }).issues, JSON.stringify(input)).toContainEqual(expect.objectContaining({ field, messageKey }));
			};
			await refused({ name: '', startsOn: '2025-03-01', endsOn: '2025-08-31' }, 'name', 'program.nameShort');
			await refused({ startsOn: '2025-03-01', endsOn: '2025-08-31' }, 'name', 'program.nameShort');
			await refused({ name: 'E-Crav 2025', startsOn: '', endsOn: '2025-08-31' }, 'startsOn', 'program.copy.dateRequired');
			await refused({ name: 'E-Crav 2025', startsOn: '2025-03-01' }, 'endsOn', 'program.copy.dateRequired');
			await refused({ name: 'E-Crav 2025', startsOn: '2025-02-30', endsOn: '2025-08-31' }, 'startsOn', 'program.copy.dateRequired');
			await refused({ name: 'E-Crav 2025', startsOn: '1999-03-01', endsOn: '2025-08-31' }, 'startsOn', 'date.yearRange');
			await refused({ name: 'E-Crav 2025', startsOn: '2025-03-01', endsOn: '2025-02-01' }, 'endsOn', 'program.dateOrder');
			// the same name as a program the community already has (the source itself, however it is typed)
			await refused({ name: '  e-crav CIGADUNG 2024 ', startsOn: '2025-03-01', endsOn: '2025-08-31' }, 'name', 'program.copy.nameTaken');
			expect(await programTablesSnapshot(ctx.services)).toBe(before);
		});

		it("should measure the copy's orders over its own dates only", async () => {
			const src = await ctx.services.programs.create(coordinator, cigadung, { ...plan, name: 'E-Crav periode' });
			const copy = await ctx.services.programs.copyToCommunity(coordinator, src.id, cigadung, copyInput({ startsOn: '2025-03-01', endsOn: '2025-08-31' }));
			const { orders } = await ctx.services.indicators.dashboard(coordinator, copy.id);
			expect(orders.period).toMatchObject({ firstDay: '2025-03-01', from: '2025-02-28T17:00:00.000Z' });
		});
	});
});
