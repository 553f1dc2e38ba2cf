import type { Translate } from '../../i18n';
import type { StatementData } from '../cashbook/report.service';
import { CASH_METHODS } from '../cashbook/report.service';
import type { MessageKey } from '../../i18n';
import { formatDay } from '../../utils/dates';
import { formatRupiah } from '../../utils/money';
import { contentWidth, newDocument, numberPages, table, type Column, type Doc } from './pdf-kit';
import { entryWords } from './cash-words';

/** `November 2026` */
function monthTitle(month: string, locale: string): string {
	return new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
}

function heading(doc: Doc, text: string) {
	// a heading never ends a page alone: it needs room for a table's header and a few rows under it
	if (doc.y + 90 > doc.page.height - doc.page.margins.bottom) doc.addPage();
	doc.moveDown(0.4);
	doc.font('sans-bold').fontSize(12).fillColor('#000000').text(text, doc.page.margins.left, undefined, { width: contentWidth(doc) });
	doc.moveDown(0.3);
	doc.font('serif').fontSize(11);
}

function summaryRows(t: Translate, d: StatementData): string[][] {
	const s = d.totals;
	return [
		[t('cashReport.income'), formatRupiah(s.income)],
		[t('cashReport.expense'), formatRupiah(s.expense)],
		[s.profit < 0 ? t('cashReport.loss') : t('cashReport.profit'), formatRupiah(Math.abs(s.profit))],
		[t('cashReport.prive'), formatRupiah(s.prive)],
		[t('cashReport.modal'), formatRupiah(s.modal)]
	];
}

/** Saldo awal (the first day) and saldo akhir (the last day) of the month; a negative balance keeps its minus. */
function balanceRows(t: Translate, locale: string, d: StatementData): string[][] {
	return [
		[t('cashReport.pdf.opening', { day: formatDay(d.range.from, locale) }), formatRupiah(d.balance.opening)],
		[t('cashReport.pdf.closing', { day: formatDay(d.range.to, locale) }), formatRupiah(d.balance.closing)]
	];
}

/**
 * The monthly statement a seller can show a cooperative or a KUR loan officer: shop, owner, community and month; the
 * summary (profit without prive and modal, said in one line), money per payment method, every entry by day with the
 * day's totals, the month's totals, and when it was printed. DejaVu fonts, so every Indonesian name prints.
 */
export async function cashStatementPdf(t: Translate, locale: string, d: StatementData): Promise<Buffer> {
	const month = monthTitle(d.month, locale);
	const { doc, done } = newDocument({ title: `${t('cashReport.pdf.title')} — ${d.shop.name} — ${month}`, margins: { top: 50, bottom: 56, left: 56, right: 56 } });
	const width = contentWidth(doc);
	const x = doc.page.margins.left;

	doc.font('sans-bold').fontSize(17).text(t('cashReport.pdf.title'), x, undefined, { width });
	doc.moveDown(0.3);
	const facts: [MessageKey, string][] = [
		['cashReport.pdf.shop', d.shop.name],
		['cashReport.pdf.owner', d.shop.owner || '–'],
		['cashReport.pdf.community', d.shop.community],
		['cashReport.pdf.month', month]
	];
	for (const [key, value] of facts) {
		doc.font('sans-bold').fontSize(11).text(`${t(key)}: `, x, undefined, { continued: true });
		doc.font('sans').text(value);
	}
	doc.moveDown(0.2);
	const y = doc.y + 2;
	doc.moveTo(x, y).lineTo(x + width, y).lineWidth(0.8).strokeColor('#000000').stroke();
	doc.y = y + 6;

	heading(doc, t('cashReport.pdf.summary'));
	const two: Column[] = [
		{ header: t('cashReport.pdf.item'), width: width - 160 },
		{ header: t('cashReport.pdf.amount'), width: 160, align: 'right' }
	];
	table(doc, two, summaryRows(t, d));
	doc.font('serif').fontSize(9.5).text(t('cashReport.profitNote'), x, undefined, { width });
	doc.moveDown(0.5);

	heading(doc, t('cashReport.pdf.balance'));
	table(doc, two, balanceRows(t, locale, d));
	doc.font('serif').fontSize(9.5).text(t('cashReport.pdf.balanceNote'), x, undefined, { width });
	doc.moveDown(0.5);

	heading(doc, t('cashReport.methods'));
	const m = d.totals.byMethod;
	table(
		doc,
		[
			{ header: t('cashReport.method'), width: width - 3 * 122 },
			{ header: t('cashReport.methodIn'), width: 122, align: 'right' },
			{ header: t('cashReport.methodOut'), width: 122, align: 'right' },
			{ header: t('cashReport.methodNet'), width: 122, align: 'right' }
		],
		CASH_METHODS.map((k) => [t(`cashReport.method.${k}` as MessageKey), formatRupiah(m[k].in), formatRupiah(m[k].out), formatRupiah(m[k].net)]),
		// "-Rp 1.000.000.000.000" fits a cell on one line
		{ fontSize: 9.5 }
	);

	heading(doc, t('cashReport.pdf.byDay'));
	if (d.entries.length === 0) doc.font('serif').fontSize(11).text(t('cashReport.pdf.none'), x, undefined, { width });
	const days = [...new Set(d.entries.map((e) => e.occurred_on))];
	const columns: Column[] = [
		{ header: t('cashReport.col.kind'), width: 100 },
		{ header: t('cashReport.col.category'), width: 80 },
		{ header: t('cashReport.col.method'), width: 62 },
		{ header: t('cashReport.col.note'), width: width - 100 - 80 - 62 - 120 },
		{ header: t('cashReport.pdf.amount'), width: 120, align: 'right' }
	];
	for (const day of days) {
		const entries = d.entries.filter((e) => e.occurred_on === day);
		if (doc.y + 80 > doc.page.height - doc.page.margins.bottom) doc.addPage();
		doc.font('sans-bold').fontSize(10.5).text(formatDay(day, locale), x, undefined, { width });
		doc.moveDown(0.2);
		table(
			doc,
			columns,
			entries.map((e) => {
				const w = entryWords(t, locale, e);
				return [w.kind, w.category, w.method, [e.note, w.correction, w.corrected && `${t('cashReport.col.corrected').toLowerCase()}: ${w.corrected}`].filter(Boolean).join(' · '), formatRupiah(e.amount)];
			}),
			{ fontSize: 9 }
		);
		const income = entries.filter((e) => e.kind === 'income').reduce((s, e) => s + e.amount, 0);
		const expense = entries.filter((e) => e.kind === 'expense').reduce((s, e) => s + e.amount, 0);
		doc.font('serif').fontSize(9.5).text(t('cashReport.pdf.dayTotal', { income: formatRupiah(income), expense: formatRupiah(expense) }), x, doc.y - 4, { width, align: 'right' });
		doc.moveDown(0.6);
	}

	heading(doc, t('cashReport.pdf.totals'));
	table(doc, two, [...summaryRows(t, d), ...balanceRows(t, locale, d)]);
	doc.moveDown(0.5);
	doc.font('serif').fontSize(9).fillColor('#333333').text(t('cashReport.pdf.printed', { printedAt: d.generatedAt }), x, undefined, { width });
	doc.fillColor('#000000');
	numberPages(doc);
	doc.end();
	return done;
}
