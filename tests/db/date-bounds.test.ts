import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, staffActor } from '../helpers/program-fixtures';
import { callRoute, changedTables, digestTables, routeByKey } from '../helpers/routes';
import { calendarDayProblem, YEAR_MAX, YEAR_MIN } from '../../src/lib/validation/dates';
import { idTraining, enTraining } from '../../src/lib/i18n/parts/training';
import type { Community } from '../../src/lib/server/db/schema';
import type { UserActor } from '../../src/lib/server/auth/actor';

/**
 * Years 0000 and 9999 (and anything outside 2000–2100) are refused by one validator on every date the
 * coordinator's pages and the API take: program and stage dates, the handover, manual indicator entries,
 * mentoring notes, a training's start and attendance ticks. Each refusal says the years and saves nothing.
 */
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;
let programId: string;
let trainingId: string;
let indicatorId: string;
let memberId: string;

const BAD = ['0000-01-01', '9999-12-31', '1999-12-31', '2101-01-01'];
const GOOD_EDGES = ['2000-01-01', '2100-12-31'];

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	coordinator = staffActor(community, 'coordinator');
	({ memberId } = await makeMember(ctx.services, ctx.database.db, community, 'Bu Ani'));
	programId = (await ctx.services.programs.create(coordinator, community, { name: 'Program Tanggal' })).id;
	trainingId = (await ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Tanggal', startsAt: '2024-11-28T15:00', venue: 'Balai RW' })).id;
	indicatorId = (await ctx.services.indicators.add(coordinator, programId, { label: 'Catatan manual', target: 5 })).id;
}, 60_000);
afterAll(() => ctx.cleanup());

/** Runs `fn`, expects a 422 whose issue on `field` is the year message, and that no table changed. */
async function refusedYear(field: string, fn: () => Promise<unknown>) {
	const before = await digestTables(ctx.database);
	await expect(fn()).rejects.toMatchObject({ status: 422, issues: expect.arrayContaining([expect.objectContaining({ field, messageKey: 'date.yearRange' })]) });
	expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
}

describe(`one date validator, years ${YEAR_MIN}–${YEAR_MAX} (${TEST_DIALECT})`, () => {
	it('should say the years in the message, in both languages', () => {
		expect(idTraining['date.yearRange']).toContain(`${YEAR_MIN} dan ${YEAR_MAX}`);
		expect(enTraining['date.yearRange']).toContain(`${YEAR_MIN} and ${YEAR_MAX}`);
		expect(BAD.map(calendarDayProblem)).toEqual(['year', 'year', 'year', 'year']);
		expect(GOOD_EDGES.map(calendarDayProblem)).toEqual([null, null]);
		expect(['2024-02-30', '2024-13-01', '24-11-28', ''].map(calendarDayProblem)).toEqual(['invalid', 'invalid', 'invalid', 'invalid']);
	});

	it('should refuse such years for program, stage and handover dates, saving nothing', async () => {
		for (const day of BAD) {
			await refusedYear('startsOn', () => ctx.services.programs.create(coordinator, community, { name: 'Program Salah', startsOn: day }));
			await refusedYear('endsOn', () => ctx.services.programs.updatePlan(coordinator, programId, { name: 'Program Tanggal', startsOn: '2024-11-01', endsOn: day }));
			await refusedYear('startsOn', () => ctx.services.programs.updateStage(coordinator, programId, 'asesmen', { status: 'berjalan', startsOn: day }));
			await refusedYear('handedOverOn', () => ctx.services.programs.saveHandover(coordinator, programId, { recipient: 'Kelompok UMKM Kharisma', handedOverOn: day }));
		}
		for (const day of GOOD_EDGES) expect((await ctx.services.programs.updateStage(coordinator, programId, 'asesmen', { status: 'berjalan', startsOn: day, endsOn: '2100-12-31' })).starts_on).toBe(day);
	});

	it('should refuse such years for manual indicator entries and mentoring notes, saving nothing', async () => {
		for (const day of BAD) {
			await refusedYear('onDate', () => ctx.services.indicators.addEntry(coordinator, indicatorId, { onDate: day, value: 3 }));
			await refusedYear('heldOn', () => ctx.services.mentoring.add(coordinator, community, memberId, { heldOn: day, channel: 'kunjungan', topic: 'Foto produk' }));
			await refusedYear('followUpOn', () => ctx.services.mentoring.add(coordinator, community, memberId, { heldOn: '2024-11-01', channel: 'kunjungan', topic: 'Foto produk', followUpOn: day }));
		}
		expect((await ctx.services.indicators.addEntry(coordinator, indicatorId, { onDate: '2000-01-01', value: 3 })).id).toBeTruthy();
	});

	it("should refuse such years for a training's start and an attendance tick, saving nothing", async () => {
		for (const day of BAD) {
			await refusedYear('startsAt', () => ctx.services.trainings.create(coordinator, programId, { title: 'Pelatihan Salah', startsAt: `${day}T09:00`, venue: 'Balai RW' }));
			await refusedYear('startsAt', () => ctx.services.trainings.update(coordinator, trainingId, { title: 'Pelatihan Tanggal', startsAt: `${day}T09:00:00Z`, venue: 'Balai RW' }));
			await refusedYear('events.0.at', () => ctx.services.trainings.recordAttendance(coordinator, trainingId, { events: [{ id: `tahun-${day}`, memberId, present: true, at: `${day}T02:00:00Z` }] }));
		}
	});

	it('should answer the forms and the API with the message in Bahasa Indonesia (English when chosen), nothing saved', async () => {
		const before = await digestTables(ctx.database);
		const api = await callRoute(await routeByKey('POST /api/v1/programs/[programId]/trainings'), { services: ctx.services, actor: coordinator }, { params: { programId }, json: { title: 'Pelatihan API', startsAt: '9999-12-31T09:00:00Z', venue: 'Balai RW' } });
		expect(api.status).toBe(422);
		expect(JSON.stringify(api.body)).toContain('Tahun harus antara 2000 dan 2100');
		const form = await callRoute(await routeByKey('POST /koordinator/[community]/pelatihan?/buat'), { services: ctx.services, actor: coordinator }, { params: { community: community.slug }, form: { programId, title: 'Pelatihan Form', startsAt: '0000-01-01T09:00', venue: 'Balai RW' } });
		expect(form.status).toBe(400);
		expect(form.body).toMatchObject({ fields: { startsAt: expect.stringContaining('Tahun harus antara 2000 dan 2100') } });
		const plan = await callRoute(await routeByKey('POST /koordinator/[community]/program/[id]/rencana?/rencana'), { services: ctx.services, actor: coordinator, locale: 'en' }, { params: { community: community.slug, id: programId }, form: { name: 'Program Tanggal', startsOn: '0000-01-01' } });
		expect(plan.status).toBe(400);
		expect(plan.body).toMatchObject({ fields: { startsOn: expect.stringContaining('The year must be between 2000 and 2100') } });
		const entry = await callRoute(await routeByKey('POST /koordinator/[community]/program/[id]/rencana?/catat'), { services: ctx.services, actor: coordinator }, { params: { community: community.slug, id: programId }, form: { indicatorId, onDate: '9999-01-01', value: '4' } });
		expect(entry.status).toBe(400);
		expect(changedTables(before, await digestTables(ctx.database))).toEqual([]);
	});
});
