import { memberProfileSchema } from '../../validation/member-profile';
import { toFieldIssues } from '../../validation/issues';
import { normalizeWhatsapp } from '../../utils/phone';
import { newId, slugify } from '../../utils/ids';
import { shortBusiness } from '../accounts/member.service';
import type { NewShop } from '../db/schema';
import type { FileProblem, ImportColumn, SheetRow } from './member-file';
import type { MemberUpdate, NewMember } from './roster.repository';

/** A member already on the roster, found by a WhatsApp number of theirs or of their shop: what an import may update. */
export interface ExistingMember {
	id: string;
	person_name: string;
	rw: string | null;
	nib: string | null;
	pirt: string | null;
	halal: string | null;
	capital: number | null;
	annual_sales: number | null;
	channel_before: string | null;
}

/** Which file column a profile field came from, to point at it in the report. */
const FIELD_COLUMN: Record<string, ImportColumn> = {
	personName: 'nama',
	whatsapp: 'whatsapp',
	rw: 'rw',
	nib: 'nib',
	pirt: 'pirt',
	halal: 'halal',
	capital: 'modal',
	annualSales: 'omzet_tahunan',
	channelBefore: 'saluran_sebelum'
};

export interface ImportPlan {
	rows: { shop: NewShop; member: NewMember }[];
	/** Rows of members already on the roster whose profile the file changes (only cells with a value count). */
	updates: { memberId: string; name: string; set: MemberUpdate }[];
	/** Rows of members already on the roster that change nothing. */
	unchanged: { memberId: string; name: string }[];
	problems: FileProblem[];
}

/**
 * Checks every row (every problem of every row, not only the first) and, when there is none, plans the
 * shops and members to insert. A row whose WhatsApp number is already a member's (or their shop's) in this
 * community is that member again — a re-import of an exported or earlier file: its filled profile cells update
 * the member (an empty cell keeps what is there; the shop's name and business stay the seller's), otherwise it is
 * counted as unchanged. A number seen twice in the file is refused. Slugs are made unique against the community
 * and the file itself.
 */
export function planImport(communityId: string, rows: SheetRow[], existing: Map<string, ExistingMember>, slugsInUse: Set<string>, now: string): ImportPlan {
	const problems: FileProblem[] = [];
	const planned: ImportPlan['rows'] = [];
	const updates: ImportPlan['updates'] = [];
	const unchanged: ImportPlan['unchanged'] = [];
	const firstRowOfNumber = new Map<string, number>();
	const slugs = new Set(slugsInUse);
	for (const { row, values: v } of rows) {
		const push = (column: ImportColumn | null, messageKey: FileProblem['messageKey'], params: FileProblem['params'] = {}) => problems.push({ row, column, messageKey, params });
		const name = v.nama ?? '';
		const business = v.usaha ?? '';
		const rawPhone = v.whatsapp ?? '';
		if (!name.trim()) push('nama', 'members.import.missingName');
		if (!business.trim()) push('usaha', 'members.import.missingBusiness');
		let phone: string | null = null;
		if (!rawPhone.trim()) push('whatsapp', 'members.import.missingWhatsapp');
		else {
			phone = normalizeWhatsapp(rawPhone);
			if (!phone) push('whatsapp', 'members.import.badPhone', { value: rawPhone.slice(0, 40) });
			else if (firstRowOfNumber.has(phone)) push('whatsapp', 'members.import.duplicateInFile', { row: firstRowOfNumber.get(phone)! });
			if (phone && !firstRowOfNumber.has(phone)) firstRowOfNumber.set(phone, row);
		}
		const parsed = memberProfileSchema.safeParse({
			personName: name.trim() ? name : 'xx',
			whatsapp: undefined,
			rw: v.rw,
			nib: v.nib,
			pirt: v.pirt,
			halal: v.halal,
			capital: v.modal,
			annualSales: v.omzet_tahunan,
			channelBefore: v.saluran_sebelum
		});
		if (!parsed.success) {
			for (const issue of toFieldIssues(parsed.error)) push(FIELD_COLUMN[issue.field] ?? null, issue.messageKey, issue.params);
		}
		const shopName = (v.nama_toko?.trim() || `${shortBusiness(business)} ${name.trim()}`).slice(0, 60).trim();
		if (v.nama_toko !== undefined && v.nama_toko.trim() && (v.nama_toko.trim().length < 3 || v.nama_toko.trim().length > 60)) push('nama_toko', 'members.import.badShopName');
		if (!parsed.success || problems.length || !phone) continue;
		const p = parsed.data;
		const known = existing.get(phone);
		if (known) {
			const set = profileChanges(known, { person_name: p.personName, rw: p.rw, nib: p.nib, pirt: p.pirt, halal: p.halal, capital: p.capital, annual_sales: p.annualSales, channel_before: p.channelBefore });
			if (Object.keys(set).length) updates.push({ memberId: known.id, name: p.personName, set: { ...set, updated_at: now } });
			else unchanged.push({ memberId: known.id, name: known.person_name });
			continue;
		}
		const base = slugify(shopName) || 'toko';
		let slug = base;
		for (let n = 2; slugs.has(slug); n++) slug = `${base}-${n}`;
		slugs.add(slug);
		const shopId = newId('shop');
		planned.push({
			shop: {
				id: shopId,
				community_id: communityId,
				slug,
				name: shopName.length >= 3 ? shopName : `Toko ${shopName}`,
				business_type: business.trim().slice(0, 80),
				whatsapp: phone,
				area: p.rw ? `RW ${p.rw}` : null,
				story: '',
				logo: null,
				nib: p.nib,
				status: 'active',
				owner_user_id: null,
				created_at: now,
				updated_at: now
			},
			member: {
				id: newId('mbr'),
				community_id: communityId,
				shop_id: shopId,
				person_name: p.personName,
				whatsapp: phone,
				rw: p.rw,
				nib: p.nib,
				pirt: p.pirt,
				halal: p.halal,
				capital: p.capital,
				annual_sales: p.annualSales,
				channel_before: p.channelBefore,
				created_at: now,
				updated_at: now
			}
		});
	}
	return problems.length ? { rows: [], updates: [], unchanged: [], problems } : { rows: planned, updates, unchanged, problems };
}

/** The profile fields a row changes: a cell with a value that differs from the member's; an empty cell changes nothing. */
function profileChanges(known: ExistingMember, next: Omit<ExistingMember, 'id'>): MemberUpdate {
	const set: MemberUpdate = {};
	for (const key of Object.keys(next) as (keyof typeof next)[]) {
		const value = next[key];
		if (value !== null && value !== undefined && value !== known[key]) Object.assign(set, { [key]: value });
	}
	return set;
}
