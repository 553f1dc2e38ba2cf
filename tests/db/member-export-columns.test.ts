import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import { makeStaff } from '../helpers/program';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';

// issue 9 re-test: the roster export's "toko_siap" column held "7/8"-style values nobody could read
let ctx: TestContext;
let community: Community;
let coordinator: Actor;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	coordinator = await makeStaff(ctx.services, community, 'coordinator');
	// Ibu Risol: name, number, pickup and cash only (4 of 8 steps); Pak Sate: the whole shop profile, no product yet (7 of 8)
	await ctx.services.members.addSeller(system, community, { name: 'Ibu Risol', businessType: 'Penjual risol', area: 'RW 02', whatsapp: '0813 3000 0001', email: '' });
	const sate = await ctx.services.members.addSeller(system, community, { name: 'Pak Sate', businessType: 'Penjual sate', area: 'RW 01', whatsapp: '0813 3000 0002', email: '' });
	await ctx.database.db.updateTable('shop').set({ logo: '[]', story: 'Sate ayam bumbu kacang.', pickup_point: 'Depan masjid', opening_hours: 'Setiap hari 16.00–21.00' }).where('id', '=', sate.shopId).execute();
}, 60_000);
afterAll(() => ctx.cleanup());

/** The file's header and rows as text, the way a spreadsheet shows them. */
async function xlsxTable(bytes: Buffer): Promise<string[][]> {
	const wb = new ExcelJS.Workbook();
	await wb.xlsx.load(bytes as unknown as ArrayBuffer);
	const out: string[][] = [];
	wb.getWorksheet('Anggota')!.eachRow((row) => out.push((row.values as unknown[]).slice(1).map((v) => (v === null || v === undefined ? '' : String(v)))));
	return out;
}

describe(`roster export columns (${TEST_DIALECT})`, () => {
	it('should say "profil toko lengkap: ya/tidak" and count the ready-to-sell steps in a column of their own, never "7/8"', async () => {
		const [header, ...rows] = await xlsxTable(await ctx.services.memberFiles.export(coordinator, community, 'xlsx', 'id'));
		expect(header).not.toContain('toko_siap');
		const col = (name: string) => {
			const i = header.indexOf(name);
			expect(i, `column ${name} in ${header.join(', ')}`).toBeGreaterThanOrEqual(0);
			return i;
		};
		const byName = Object.fromEntries(rows.map((r) => [r[col('nama')], r]));
		expect([byName['Ibu Risol'][col('profil_toko_lengkap')], byName['Ibu Risol'][col('langkah_siap_jual_selesai (dari 8)')]]).toEqual(['tidak', '4']);
		expect([byName['Pak Sate'][col('profil_toko_lengkap')], byName['Pak Sate'][col('langkah_siap_jual_selesai (dari 8)')]]).toEqual(['ya', '7']);
		expect(rows.flat().some((v) => /^\d+\/\d+$/.test(v))).toBe(false);

		const csv = (await ctx.services.memberFiles.export(coordinator, community, 'csv', 'id')).toString('utf-8');
		expect(csv.split('\r\n')[0]).toContain(',profil_toko_lengkap,langkah_siap_jual_selesai (dari 8),');
		const en = (await ctx.services.memberFiles.export(coordinator, community, 'csv', 'en')).toString('utf-8');
		// the column names stay those of the file (the import reads them in either language); the values are English
		expect(en.split('\r\n')[0]).toContain(',profil_toko_lengkap,langkah_siap_jual_selesai (dari 8),');
		expect(en).toMatch(/,no,4,/);
	});

	it('should take its own export back, CSV and XLSX, changing nothing', async () => {
		const before = JSON.stringify(await ctx.services.roster.list(coordinator, community));
		for (const format of ['csv', 'xlsx'] as const) {
			const bytes = await ctx.services.memberFiles.export(coordinator, community, format, 'id');
			const r = await ctx.services.memberFiles.importFile(coordinator, community, { name: `anggota.${format}`, bytes });
			expect(r, format).toMatchObject({ ok: true, added: 0, updated: [] });
			if (r.ok) expect(r.unchanged.sort()).toEqual(['Ibu Risol', 'Pak Sate']);
		}
		expect(JSON.stringify(await ctx.services.roster.list(coordinator, community))).toBe(before);
	});
});
