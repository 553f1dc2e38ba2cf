import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import sharp from 'sharp';
import { createTestContext, TEST_DIALECT, type TestContext } from '../helpers/db';
import { makeCommunity } from '../helpers/factories';
import { makeSellerActor, makeStaff, programTablesSnapshot } from '../helpers/program';
import { EvidenceService } from '../../src/lib/server/program/evidence.service';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Community } from '../../src/lib/server/db/schema';
import type { Program } from '../../src/lib/server/program/program.repository';

let ctx: TestContext;
let community: Community;
let program: Program;
let coordinator: Actor;
let facilitator: Actor;
let otherCoordinator: Actor;
let otherFacilitator: Actor;
let seller: Actor;
let photo: Buffer;

const pdf = (body = '1 0 obj << /Type /Catalog >> endobj') => Buffer.from(`%PDF-1.4\n${body}\ntrailer << /Root 1 0 R >>\n%%EOF\n`, 'latin1');

beforeAll(async () => {
	ctx = await createTestContext();
	community = await makeCommunity(ctx.services, { slug: 'cigadung-bukti' });
	const other = await makeCommunity(ctx.services, { slug: 'cibinuang-bukti' });
	coordinator = await makeStaff(ctx.services, community, 'coordinator');
	facilitator = await makeStaff(ctx.services, community, 'facilitator');
	otherCoordinator = await makeStaff(ctx.services, other, 'coordinator');
	otherFacilitator = await makeStaff(ctx.services, other, 'facilitator');
	seller = (await makeSellerActor(ctx.services, community, coordinator)).actor;
	program = await ctx.services.programs.create(coordinator, community, { name: 'E-Crav' });
	// A photo with EXIF metadata, as phones take them (the pipeline drops all of it, GPS included).
	photo = await sharp({ create: { width: 1200, height: 900, channels: 3, background: '#a16207' } }).jpeg().withExif({ IFD0: { Make: 'Contoh', Model: 'HP Pendamping' } }).toBuffer();
});
afterAll(() => ctx.cleanup());

describe(`${EvidenceService.name} (${TEST_DIALECT})`, () => {
	it('should store a photo through the image pipeline under e/ without metadata, and serve it to staff', async () => {
		const e = await ctx.services.evidence.add(facilitator, program.id, 'intervensi', { title: 'Pelatihan di Gedung Serbaguna', file: photo });
		expect(e).toMatchObject({ kind: 'photo', stage_key: 'intervensi', file_key: expect.stringMatching(/^e\/.+-large\.webp$/), thumb_key: expect.stringMatching(/^e\/.+-thumb\.webp$/) });
		const got = await ctx.services.evidence.file(coordinator, e.id);
		expect(got.contentType).toBe('image/webp');
		const meta = await sharp(got.data).metadata();
		expect(meta.exif).toBeUndefined();
		expect((await ctx.services.evidence.file(coordinator, e.id, true)).data.length).toBeLessThan(got.data.length);
		expect((await ctx.services.evidence.list(coordinator, program.id, 'intervensi')).map((x) => x.id)).toEqual([e.id]);
		expect(await ctx.services.evidence.list(coordinator, program.id, 'asesmen')).toEqual([]);
	});

	it('should accept a plain PDF as a document and refuse active, fake, broken and oversized ones, writing nothing', async () => {
		const doc = await ctx.services.evidence.add(coordinator, program.id, 'persiapan_sosial', { title: 'Surat izin kelurahan', file: pdf() });
		expect(doc).toMatchObject({ kind: 'document', file_key: expect.stringMatching(/^e\/[0-9a-f]{2}\/[0-9a-f]{24}\.pdf$/), thumb_key: null });
		expect((await ctx.services.evidence.file(coordinator, doc.id)).contentType).toBe('application/pdf');
		const before = await programTablesSnapshot(ctx.services);
		const add = (file: Buffer, title = 'Dokumen') => ctx.services.evidence.add(coordinator, program.id, 'evaluasi', { title, file });
		await expect(add(pdf('1 0 obj << /OpenAction << /S /JavaScript /JS (app.alert(1)) >> >> endobj'))).rejects.toMatchObject({ messageKey: 'program.evidence.pdfActive' });
		await expect(add(pdf('1 0 obj << /S /J#61vaScript >> endobj'))).rejects.toMatchObject({ messageKey: 'program.evidence.pdfActive' });
		await expect(add(pdf('1 0 obj << /Type /EmbeddedFile >> endobj'))).rejects.toMatchObject({ messageKey: 'program.evidence.pdfActive' });
		await expect(add(Buffer.from('%PDF-1.4\n1 0 obj << >> endobj\n'))).rejects.toMatchObject({ messageKey: 'media.unreadable' });
		await expect(add(Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(10 * 1024 * 1024), Buffer.from('\n%%EOF')]))).rejects.toMatchObject({ messageKey: 'program.evidence.pdfTooLarge' });
		await expect(add(Buffer.from('<html><script>alert(1)</script></html>'))).rejects.toMatchObject({ messageKey: 'program.evidence.notAllowed' });
		await expect(add(Buffer.alloc(0))).rejects.toMatchObject({ messageKey: 'media.empty' });
		await expect(add(pdf(), 'x')).rejects.toMatchObject({ issues: [{ field: 'title', messageKey: 'program.evidence.titleShort' }] });
		await expect(ctx.services.evidence.add(coordinator, program.id, 'panen', { title: 'Dokumen', file: pdf() })).rejects.toMatchObject({ status: 404 });
		expect(await programTablesSnapshot(ctx.services)).toBe(before);
	});

	it("should refuse another community's coordinator and facilitator and a seller with 404, changing nothing", async () => {
		const e = await ctx.services.evidence.add(coordinator, program.id, 'dialog', { title: 'Community meeting', file: pdf() });
		const before = await programTablesSnapshot(ctx.services);
		for (const actor of [otherCoordinator, otherFacilitator, seller]) {
			await expect(ctx.services.evidence.add(actor, program.id, 'dialog', { title: 'Sisipan', file: pdf() })).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.evidence.list(actor, program.id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.evidence.file(actor, e.id)).rejects.toMatchObject({ status: 404 });
			await expect(ctx.services.evidence.remove(actor, e.id)).rejects.toMatchObject({ status: 404 });
		}
		expect(await programTablesSnapshot(ctx.services)).toBe(before);
		await ctx.services.evidence.remove(facilitator, e.id);
		await expect(ctx.services.evidence.file(coordinator, e.id)).rejects.toMatchObject({ status: 404 });
	});

	it('should keep evidence out of the public media route', async () => {
		const e = await ctx.services.evidence.add(coordinator, program.id, 'terminasi', { title: 'Berita acara', file: photo });
		const { GET } = await import('../../src/routes/media/[...key]/+server');
		const call = (key: string) => GET({ params: { key }, locals: { services: ctx.services }, request: new Request('http://x/') } as unknown as Parameters<typeof GET>[0]);
		await expect(call(e.file_key)).rejects.toMatchObject({ status: 404 });
	});
});
