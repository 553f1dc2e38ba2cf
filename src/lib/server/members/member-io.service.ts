import type { Actor } from '../auth/actor';
import type { Community } from '../db/schema';
import { requireProgramStaff } from '../program/access';
import { translator, type Locale } from '../../i18n';
import { IMPORT_COLUMNS, IMPORT_SHEET, readMemberSheet, writeCsv, writeXlsx, type FileProblem } from './member-file';
import { planImport } from './member-import';
import type { RosterRepository } from './roster.repository';
import type { RosterService } from './roster.service';
import type { AccountRepository } from '../accounts/account.repository';
import type { RateLimiter } from '../security/rate-limit';
import { numbersHeldElsewhere } from '../accounts/login-claims';
import { normalizeWhatsapp } from '../../utils/phone';
import { PROFILE_PARTS } from '../../shop-checklist';

/**
 * `added`: new members; `updated`/`unchanged`: names of members already on the roster (same WhatsApp number) whose
 * row changed their profile or not; `ignored`: columns left out.
 */
export type ImportResult = { ok: true; added: number; updated: string[]; unchanged: string[]; ignored: string[] } | { ok: false; problems: FileProblem[]; ignored: string[] };

/** Importing the roster from a spreadsheet (all rows or none) and exporting it. Staff of the community only (else 404). */
export class MemberIoService {
	constructor(
		private readonly roster: RosterRepository,
		private readonly rosterService: RosterService,
		private readonly accounts: AccountRepository,
		private readonly limiter: RateLimiter,
		private readonly clock: () => Date = () => new Date()
	) {}

	/**
	 * Imports a CSV or XLSX file. Every row is checked first; if anything is wrong, nothing is written and the
	 * answer lists each problem with its row and column. Otherwise, in one transaction, every new row becomes a
	 * shop with its member and every row of a member already on the roster (same WhatsApp number) updates them.
	 */
	async importFile(actor: Actor, community: Pick<Community, 'id'>, file: { name: string; bytes: Uint8Array }): Promise<ImportResult> {
		requireProgramStaff(actor, community.id);
		const sheet = await readMemberSheet(file.name, file.bytes);
		if (!sheet.ok) return { ok: false, problems: sheet.problems, ignored: [] };
		const [existing, slugs] = await Promise.all([this.roster.membersByWhatsapp(community.id), this.roster.shopSlugs(community.id)]);
		const plan = planImport(community.id, sheet.rows, existing, slugs, this.clock().toISOString());
		// The same rule as adding one member (login-claims.ts): a number another community holds is refused.
		const phones = sheet.rows.map((r) => ({ row: r.row, phone: normalizeWhatsapp(r.values.whatsapp ?? '') })).filter((r): r is { row: number; phone: string } => !!r.phone && !existing.has(r.phone));
		const held = await numbersHeldElsewhere(this.accounts, community.id, phones.map((r) => r.phone), { limiter: this.limiter, actor });
		const problems = [...plan.problems, ...phones.filter((r) => held.has(r.phone)).map((r) => ({ row: r.row, column: 'whatsapp', messageKey: 'security.whatsappOtherGroup' as const, params: {} }))].sort((a, b) => a.row - b.row);
		if (problems.length) return { ok: false, problems, ignored: sheet.ignored };
		await this.roster.importMembers(plan.rows, plan.updates);
		return { ok: true, added: plan.rows.length, updated: plan.updates.map((u) => u.name), unchanged: plan.unchanged.map((u) => u.name), ignored: sheet.ignored };
	}

	/** The roster as a spreadsheet: the import columns (so it can be edited and kept) plus progress columns. */
	async export(actor: Actor, community: Pick<Community, 'id'>, format: 'xlsx' | 'csv', locale: Locale): Promise<Buffer> {
		const t = translator(locale);
		const members = await this.rosterService.list(actor, community);
		// plain columns (issue 9 re-test): "profil toko lengkap" as yes/no and the steps done as a number of their own,
		// not "7/8"; the import ignores them, so the file goes back in as it came out
		const total = members[0]?.checklist.total ?? PROFILE_PARTS.length + 1;
		const header = [...IMPORT_COLUMNS, t('members.col.account'), t('members.col.profileComplete'), t('members.col.stepsDone', { total }), t('members.col.products'), t('members.col.level'), t('members.col.size')];
		const rows = members.map((m) => [
			m.name,
			m.whatsapp,
			m.shop.businessType,
			m.shop.name,
			m.rw,
			m.nib,
			m.pirt,
			m.halal,
			m.capital,
			m.annualSales,
			m.channelBefore,
			t(`members.account.${m.account}`),
			t(m.checklist.profileComplete ? 'members.col.yes' : 'members.col.no'),
			m.checklist.done,
			m.shop.publishedProducts,
			m.funnel ? t(`funnel.level.${m.funnel.level}`) : '',
			m.size ? t(`members.size.${m.size}`) : ''
		]);
		return format === 'csv' ? writeCsv(header, rows) : writeXlsx(IMPORT_SHEET, header, rows);
	}

	/** An empty workbook with the header row and one example row, for people who start from scratch. */
	async template(): Promise<Buffer> {
		return writeXlsx(IMPORT_SHEET, [...IMPORT_COLUMNS], [['Ibu Contoh', '0812-3456-7890', 'Penjual keripik', 'Keripik Bu Contoh', '03', '', '', '', '5.000.000', '24.000.000', 'whatsapp']]);
	}
}
