import type { MessageKey, Translate } from '../../i18n';
import { id } from '../../i18n/id';
import { formatDayShort, wibDay } from '../../utils/dates';
import { formatRupiah } from '../../utils/money';
import type { StatementEntry } from '../cashbook/report.service';

/**
 * The words of one ledger line, the same in the CSV, the XLSX and the PDF: kind, category (a built-in key in the
 * reader's language, a shop's own category by its name), method, and "koreksi dari …" for a reversal.
 */
export function entryWords(t: Translate, locale: string, e: StatementEntry) {
	const builtIn = `cashReport.category.${e.category}` as MessageKey;
	const category = e.categoryName ?? (e.category && builtIn in id ? t(builtIn) : e.category);
	return {
		kind: t(`cashReport.kind.${e.kind}` as MessageKey),
		category,
		method: t(`cashReport.method.${e.method}` as MessageKey),
		/** "Ya, 30 Nov 2026" when a later entry corrected (reversed) this one: an exported book reads honestly. */
		corrected: e.corrected_at ? t('cashReport.correctedOn', { day: formatDayShort(wibDay(Date.parse(e.corrected_at)), locale) }) : '',
		correction: e.reverses ? t('cashReport.correctionOf', { day: formatDayShort(e.reverses.occurredOn, locale), amount: formatRupiah(e.reverses.amount) }) : e.reverses_id ? t('cashReport.correctionOf', { day: '…', amount: '…' }) : ''
	};
}
