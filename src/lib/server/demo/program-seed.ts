import type { Services } from '../services';
import { systemActor } from '../auth/actor';
import type { Community } from '../db/schema';
import type { Program } from '../program/program.repository';
import type { AssessmentItemInput } from '../../validation/program';
import demo from './cigadung.json';

const actor = systemActor('demo-seed');

/** Stage dates and notes as the field report tells them (BAB IV), within the field period 28 Oct – 6 Dec 2024. */
const STAGES = [
	['persiapan_sosial', '2024-10-28', '2024-10-31', 'Perkenalan dengan perangkat Kelurahan Cigadung; pendamping lapangan dari bidang Kesejahteraan.'],
	['dialog', '2024-10-29', '2024-11-08', 'Community night meeting dengan pengurus RT/RW dan Karang Taruna; ikut pengajian dan kerja bakti.'],
	['asesmen', '2024-11-11', '2024-11-15', 'Pertemuan dengan Ketua RW 06 Lingkungan Kamukten, lalu MPA dan SLA bersama tokoh masyarakat.'],
	['rencana', '2024-11-18', '2024-11-22', 'Nama program "E-Commerce Creative (E-Crav)" disepakati bersama masyarakat (ToP).'],
	['intervensi', '2024-11-28', '2024-12-03', 'Pelatihan bersama Dinas Koperasi UKM Perdagangan dan Perindustrian; pendaftaran akun; unggah foto produk; mentoring.'],
	['evaluasi', '2024-12-02', '2024-12-05', 'Evaluasi proses (kehadiran, pemahaman materi, akun yang berhasil dibuat) dan hasil awal. Kendala: waktu pendampingan kurang.'],
	['terminasi', '2024-12-06', '2024-12-06', 'Program diserahkan kepada Kelompok UMKM Kharisma.']
] as const;

/**
 * The demo's program, seeded from the field report (demo-community.json): plan, the seven stages (done),
 * MPA and SLA lists, the report's three success indicators mapped to automatic E-Crav figures, and the
 * handover to the group. No trainings, attendance or scores here (engineer TRAINING seeds those).
 */
export async function seedDemoProgram(services: Services, community: Community): Promise<Program> {
	const p = demo.program;
	const program = await services.programs.create(actor, community, {
		name: p.name,
		theme: p.theme,
		goals: p.goals.join('\n'),
		targetGroup: p.target,
		startsOn: p.fieldPeriod.start,
		endsOn: p.fieldPeriod.end
	});
	for (const [key, startsOn, endsOn, notes] of STAGES) {
		await services.programs.updateStage(actor, program.id, key, { status: 'selesai', startsOn, endsOn, notes });
	}

	const a = demo.assessment;
	const items: AssessmentItemInput[] = [
		...Object.entries(a.mpaProblems).flatMap(([sector, list]) => list.map((text) => ({ method: 'mpa' as const, category: 'problem' as const, sector, text }))),
		...a.mpaNeeds.map((text) => ({ method: 'mpa' as const, category: 'need' as const, sector: 'Ekonomi', text })),
		...a.mpaPotentials.map((text) => ({ method: 'mpa' as const, category: 'potential' as const, sector: 'Ekonomi', text })),
		...(['human', 'social', 'natural', 'physical', 'financial'] as const).flatMap((capital) => a.slaAssets[capital].map((text) => ({ method: 'sla' as const, category: capital, text })))
	];
	await services.assessment.add(actor, program.id, items);

	// The report's indicators, each measured by the E-Crav figure that says what it meant: marketing on Shopee by the
	// shops whose products went into a Shopee bulk-upload file from E-Crav, more visitors by the counted shop visitors.
	// Both start at 0 in the demo: nothing is invented, they grow as sellers export and buyers come.
	const [marketing, visitors, products] = p.indicators;
	await services.indicators.add(actor, program.id, { label: `${marketing} — diukur dari toko yang produknya masuk file Upload Massal Shopee dari E-Crav`, metric: 'shops_on_shopee', unit: 'toko', baseline: 0, target: demo.sellers.length });
	await services.indicators.add(actor, program.id, { label: `${visitors} (pengunjung toko yang dihitung E-Crav, 30 hari)`, metric: 'visitors_30d', unit: 'pengunjung', baseline: 0, target: 300 });
	await services.indicators.add(actor, program.id, { label: products, metric: 'products_published', unit: 'produk', baseline: 0, target: 40 });

	await services.programs.saveHandover(actor, program.id, {
		recipient: 'Kelompok UMKM Kharisma (TKM UMKM Kharisma)',
		followUp: 'Kelompok UMKM Kharisma melanjutkan pendampingan dan pengembangan UMKM; Dinas Koperasi mengarahkan UMKM bergabung dengan komunitas bisnis lokal.',
		handedOverOn: p.fieldPeriod.end
	});
	await dateDemoSellersAtTheTraining(services, community);
	return program;
}

/**
 * The field report's sellers put their shops, logins and products on E-Crav at the training of 28 November 2024
 * (BAB IV 4.5, "pendaftaran akun; unggah foto produk"). The seed makes them on the day it runs, so it dates
 * them back to that morning: a finished program is measured at its end, and the demo program ended on
 * 6 December 2024 — without this its dashboard and report would count no member, shop or product.
 */
async function dateDemoSellersAtTheTraining(services: Services, community: Community): Promise<void> {
	const at = '2024-11-28T02:00:00.000Z'; // 09.00 WIB
	const { db } = services.database;
	await db.updateTable('shop').set({ created_at: at, updated_at: at }).where('community_id', '=', community.id).execute();
	await db.updateTable('member').set({ created_at: at }).where('community_id', '=', community.id).execute();
	await db.updateTable('product').set({ published_at: at, updated_at: at }).where('community_id', '=', community.id).where('status', '=', 'published').execute();
	await db
		.updateTable('app_user')
		.set({ created_at: at })
		.where('id', 'in', db.selectFrom('shop').select('owner_user_id').where('community_id', '=', community.id).where('owner_user_id', 'is not', null).$narrowType<{ owner_user_id: string }>())
		.execute();
}
