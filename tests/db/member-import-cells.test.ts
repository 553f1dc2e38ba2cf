import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity, system } from '../helpers/factories';
import type { Community } from '../../src/lib/server/db/schema';
import type { UserActor } from '../../src/lib/server/auth/actor';
import { MemberIoService } from '../../src/lib/server/members/member-io.service';

/**
 * A real .xlsx written by exceljs, as Excel or LibreOffice would save it: formulas with their computed
 * result, rich text, hyperlinks, and the cells that have nothing to import (a formula never calculated, an
 * error like #DIV/0!). Nothing may arrive as "[object Object]".
 */
let ctx: TestContext;
let community: Community;
let coordinator: UserActor;

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services);
	const id = await ctx.services.auth.createUser(system, { name: 'Koordinator Sel', email: `sel-${community.slug}@contoh.test`, password: 'kata-sandi-panjang' });
	await ctx.services.members.addRole(system, community, id, 'coordinator');
	coordinator = (await ctx.services.auth.loadActor(id))!;
});
afterAll(() => ctx.cleanup());

async function workbook(fill: (ws: ExcelJS.Worksheet) => void): Promise<Uint8Array> {
	const wb = new ExcelJS.Workbook();
	const ws = wb.addWorksheet('Anggota');
	ws.addRow(['nama', 'whatsapp', 'usaha', 'nama_toko']);
	fill(ws);
	return new Uint8Array(await wb.xlsx.writeBuffer());
}

const members = async () => (await ctx.services.roster.list(coordinator, community)).map((m) => ({ name: m.name, whatsapp: m.whatsapp, business: m.shop.businessType, shop: m.shop.name }));

describe(`${MemberIoService.name}: spreadsheet cells (${TEST_DIALECT})`, () => {
	it('should refuse formulas without a result and error cells by their address, importing nothing', async () => {
		const file = await workbook((ws) => {
			ws.addRow([{ formula: 'CONCATENATE("Bu ","Ina")' }, '0812 4500 0001', 'Penjual tahu', 'Tahu Ina']);
			ws.addRow(['Bu Ratna', { formula: '1/0', result: { error: '#DIV/0!' } }, 'Penjual kue', 'Kue Ratna']);
			ws.addRow(['Bu Sari', '0812 4500 0003', 'Penjual kue', 'Kue Sari']);
		});
		const result = await ctx.services.memberFiles.importFile(coordinator, community, { name: 'anggota.xlsx', bytes: file });
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.problems.map((p) => [p.row, p.column, p.messageKey, p.params.cell])).toEqual([
			[2, 'nama', 'members.import.formulaNoResult', 'A2'],
			[3, 'whatsapp', 'members.import.cellError', 'B3']
		]);
		expect(result.problems[1].params.error).toBe('#DIV/0!');
		expect(await members()).toEqual([]);
	});

	it('should import the computed result of formulas and the plain text of rich text and hyperlinks', async () => {
		const file = await workbook((ws) => {
			ws.addRow([{ formula: 'CONCATENATE("Bu ","Ani")', result: 'Bu Ani' }, { formula: '"0812"&"45000011"', result: '081245000011' }, { richText: [{ text: 'Penjual ' }, { font: { bold: true }, text: 'risol' }] }, 'Risol Ani']);
			ws.addRow(['Bu Dewi', { formula: '6281245000012', result: 6281245000012 }, 'Penjual basreng', { text: { richText: [{ text: 'Basreng ' }, { font: { italic: true }, text: 'Dewi' }] }, hyperlink: 'https://example.test/basreng' }]);
		});
		expect(await ctx.services.memberFiles.importFile(coordinator, community, { name: 'anggota.xlsx', bytes: file })).toEqual({ ok: true, added: 2, updated: [], unchanged: [], ignored: [] });
		const list = await members();
		expect(list).toEqual(
			expect.arrayContaining([
				{ name: 'Bu Ani', whatsapp: '6281245000011', business: 'Penjual risol', shop: 'Risol Ani' },
				{ name: 'Bu Dewi', whatsapp: '6281245000012', business: 'Penjual basreng', shop: 'Basreng Dewi' }
			])
		);
		expect(JSON.stringify(list)).not.toContain('[object Object]');
	});
});
