import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { writeZip } from '../helpers/zip';
import type { Community } from '../../src/lib/server/db/schema';
import type { UserActor } from '../../src/lib/server/auth/actor';

let ctx: TestContext;
let community: Community;
let coordinator: UserActor;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Uji', email: `koor-zip@contoh.test`, password: 'kata-sandi-panjang' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
});
afterAll(() => ctx.cleanup());

const memberCount = async () => Number((await ctx.database.db.selectFrom('member').select((eb) => eb.fn.countAll().as('n')).where('community_id', '=', community.id).executeTakeFirstOrThrow()).n);

describe(`member import of a hostile workbook (${TEST_DIALECT})`, () => {
	it('should refuse a 200 KB workbook that unzips to 200 MB without unpacking it into memory, changing nothing', async () => {
		const wb = new ExcelJS.Workbook();
		wb.addWorksheet('Anggota').addRow(['nama', 'whatsapp', 'usaha']);
		const real = new Uint8Array(await wb.xlsx.writeBuffer());
		expect((await ctx.services.memberFiles.importFile(coordinator, community, { name: 'a.xlsx', bytes: real })).ok).toBe(false); // header only: "empty", read normally
		const bomb = writeZip([
			{ name: '[Content_Types].xml', data: Buffer.from('<?xml version="1.0"?><Types/>') },
			{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(200 * 1024 * 1024, 0x20), claimedSize: 2048 }
		]);
		expect(bomb.length).toBeLessThan(400 * 1024);
		const before = await memberCount();
		const rssBefore = process.memoryUsage().rss;
		const result = await ctx.services.memberFiles.importFile(coordinator, community, { name: 'anggota.xlsx', bytes: bomb });
		expect(result.ok).toBe(false);
		if (!result.ok) expect(result.problems[0]).toMatchObject({ row: 0, messageKey: 'members.import.tooBig' });
		expect(process.memoryUsage().rss - rssBefore).toBeLessThan(150 * 1024 * 1024);
		expect(await memberCount()).toBe(before);
	});
});
