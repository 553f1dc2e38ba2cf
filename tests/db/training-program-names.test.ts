import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeMember, rosterSince, staffActor } from '../helpers/program-fixtures';
import type { UserActor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// issue 9 re-test: two programs each with a training called "Pelatihan Foto Produk" looked alike on the seller's list
const NOW = new Date('2024-11-27T03:00:00Z');
let ctx: TestContext;
let village: Community;
let coord: UserActor;

beforeAll(async () => {
	ctx = await createTestContext({ clock: () => NOW });
	village = await makeCommunity(ctx.services, { name: 'Kelurahan Cigadung' });
	coord = staffActor(village, 'coordinator');
}, 60_000);
afterAll(() => ctx.cleanup());

const plan = (name: string, startsOn: string, endsOn: string) => ({ name, theme: '', goals: '', targetGroup: '', startsOn, endsOn });

describe(`a training listed outside its program carries the program's name (${TEST_DIALECT})`, () => {
	it("should give the program's name with each training on the member's list, test, reaction and check-in, so same titles are told apart", async () => {
		const first = await ctx.services.programs.create(coord, village, plan('E-Crav 2024', '2024-11-01', '2024-12-31'));
		const second = await ctx.services.programs.create(coord, village, plan('Pendampingan Lanjutan 2024', '2024-11-01', '2024-12-31'));
		const a = await ctx.services.trainings.create(coord, first.id, { title: 'Pelatihan Foto Produk', startsAt: '2024-11-28T09:00', venue: 'Balai RW 01' });
		const b = await ctx.services.trainings.create(coord, second.id, { title: 'Pelatihan Foto Produk', startsAt: '2024-12-05T09:00', venue: 'Balai RW 02' });
		const m = await makeMember(ctx.services, ctx.database.db, village, 'Ibu Eneng');
		await rosterSince(ctx.database.db, village, NOW.toISOString()); // on the roster on the test's day, before both sessions
		const seller = staffActor(village, 'seller', [m.shopId]);

		const mine = await ctx.services.tests.myTrainings(seller);
		expect(mine.map((t) => [t.title, t.programName, t.startsAt]).sort((x, y) => x[2].localeCompare(y[2]))).toEqual([
			['Pelatihan Foto Produk', 'E-Crav 2024', '2024-11-28T02:00:00.000Z'],
			['Pelatihan Foto Produk', 'Pendampingan Lanjutan 2024', '2024-12-05T02:00:00.000Z']
		]);
		expect((await ctx.services.tests.testForMember(seller, b.id, 'pre')).training.programName).toBe('Pendampingan Lanjutan 2024');
		expect((await ctx.services.tests.reactionForMember(seller, a.id)).training.programName).toBe('E-Crav 2024');
		const token = (await ctx.database.db.selectFrom('training').select('checkin_token').where('id', '=', b.id).executeTakeFirstOrThrow()).checkin_token;
		expect((await ctx.services.trainings.checkinTarget(seller, token!)).programName).toBe('Pendampingan Lanjutan 2024');
	});
});
