import type { Locale, Translate } from '../../i18n';
import { formatRupiah } from '../../utils/money';
import { formatWhatsappLocal } from '../../utils/phone';
import { formatDate } from '../../utils/dates';
import type { CatalogData, CatalogItem, CatalogSection } from '../promo/promo.service';
import { newDocument, numberPages, type Doc } from './pdf-kit';
import { drawQr, fitFontSize, printable } from './print-helpers';

const MARGIN = { top: 40, bottom: 52, left: 36, right: 36 };
const COLS = 4;
const GAP = 12;
const PHOTO_H = 100;
const NAME_LINES = 3;
const ACCENT = '#b45309';
const INK = '#1f1a17';
const MUTED = '#5b524c';
const LINE = '#e7e0da';
const HEADER_H = 84;
const QR = 66;

/**
 * A printable catalog (issue 10 item 4) of one shop or of every shop of a community: per shop its name, WhatsApp
 * number, order link and a QR code to its page (`?src=poster`), then its products four to a row with photo, name
 * and price `Rp 15.000`. Pages break between rows (a shop never starts at the foot of a page without a row of its
 * products); names wrap to three lines and end in "…" beyond that; a product without a photo gets an empty frame;
 * no product at all is said on the page.
 */
export async function catalogPdf(data: CatalogData, t: Translate, locale: Locale, now = new Date()): Promise<Buffer> {
	const { doc, done } = newDocument({ title: t('promo.catalog.title', { name: data.title }), margins: MARGIN });
	const inner = doc.page.width - MARGIN.left - MARGIN.right;
	const bottom = doc.page.height - MARGIN.bottom;
	const colW = (inner - GAP * (COLS - 1)) / COLS;
	let y = MARGIN.top;

	// the title
	doc.font('sans-bold');
	const title = printable(doc, t('promo.catalog.title', { name: data.title }));
	const titleSize = fitFontSize(doc, title, inner, 56, [22, 19, 16, 14]);
	const titleH = Math.min(56, doc.fontSize(titleSize).heightOfString(title, { width: inner }));
	doc.fillColor(INK).text(title, MARGIN.left, y, { width: inner, height: 56, ellipsis: true });
	y += titleH + 4;
	doc.font('sans').fontSize(10).fillColor(MUTED);
	const subtitle = printable(doc, t('promo.catalog.subtitle', { community: data.communityName, date: formatDate(now.toISOString(), locale) }));
	doc.text(subtitle, MARGIN.left, y, { width: inner, height: 14, ellipsis: true, lineBreak: false });
	y += 15;
	if (data.kind === 'community') {
		const products = data.sections.reduce((n, s) => n + s.items.length, 0);
		doc.text(t('promo.catalog.shopCount', { shops: data.sections.length, products }), MARGIN.left, y, { width: inner, height: 14, lineBreak: false });
		y += 15;
	}
	y += 8;

	if (data.sections.length === 0) {
		doc.font('sans').fontSize(13).fillColor(INK).text(t('promo.catalog.emptyCommunity', { community: printable(doc, data.communityName) }), MARGIN.left, y, { width: inner, height: 60 });
	}

	const rowHeight = (items: CatalogItem[]) => PHOTO_H + 6 + Math.max(...items.map((it) => nameHeight(doc, it.name, colW))) + 4 + 15 + 11 + GAP;

	for (const section of data.sections) {
		const firstRow = section.items.slice(0, COLS);
		const need = HEADER_H + (firstRow.length ? rowHeight(firstRow) : 30);
		if (y + need > bottom && y > MARGIN.top + 1) {
			doc.addPage();
			y = MARGIN.top;
		}
		y = shopHeader(doc, section, t, y, inner);
		if (section.items.length === 0) {
			doc.font('sans').fontSize(11).fillColor(MUTED).text(t('promo.catalog.empty'), MARGIN.left, y, { width: inner, height: 30 });
			y += 30;
			continue;
		}
		for (let i = 0; i < section.items.length; i += COLS) {
			const row = section.items.slice(i, i + COLS);
			const h = rowHeight(row);
			if (y + h - GAP > bottom) {
				doc.addPage();
				y = MARGIN.top;
				doc.font('sans').fontSize(9).fillColor(MUTED).text(printable(doc, section.shop.name), MARGIN.left, y, { width: inner, height: 12, ellipsis: true, lineBreak: false });
				y += 16;
			}
			for (const [c, item] of row.entries()) drawItem(doc, item, MARGIN.left + c * (colW + GAP), y, colW, t);
			y += h;
		}
		y += 6;
	}
	numberPages(doc);
	doc.end();
	return done;
}

function nameHeight(doc: Doc, name: string, width: number): number {
	doc.font('sans-bold').fontSize(9.5);
	const max = doc.currentLineHeight(true) * NAME_LINES;
	return Math.min(max, doc.heightOfString(printable(doc, name) || '…', { width }));
}

/** The shop's block: name, WhatsApp, the order link in words, a QR code to its page on the right, a rule under it. */
function shopHeader(doc: Doc, section: CatalogSection, t: Translate, y: number, inner: number): number {
	const x = MARGIN.left;
	const textW = inner - QR - 12;
	doc.save().rect(x, y, inner, HEADER_H - 10).fill('#fff7ed').restore();
	drawQr(doc, section.shop.url, x + inner - QR - 4, y + (HEADER_H - 10 - QR) / 2, QR);
	doc.font('sans-bold').fontSize(14).fillColor(INK);
	const name = printable(doc, section.shop.name) || '…';
	doc.text(name, x + 8, y + 6, { width: textW - 8, height: 18, ellipsis: true, lineBreak: false });
	doc.font('sans-bold').fontSize(10.5).fillColor('#15803d').text(t('promo.poster.whatsapp', { number: formatWhatsappLocal(section.shop.whatsapp) }), x + 8, y + 26, { width: textW - 8, height: 14, lineBreak: false });
	doc.font('sans').fontSize(8).fillColor(MUTED).text(t('promo.catalog.order', { url: section.shop.url.replace(/^https?:\/\//, '') }), x + 8, y + 44, { width: textW - 8, height: 22, ellipsis: true });
	return y + HEADER_H;
}

function drawItem(doc: Doc, item: CatalogItem, x: number, y: number, w: number, t: Translate) {
	doc.save().rect(x, y, w, PHOTO_H).fill('#f6f1ec').restore();
	if (item.photo) {
		try {
			doc.image(item.photo, x, y, { fit: [w, PHOTO_H], align: 'center', valign: 'center' });
		} catch {
			// an unreadable picture leaves the empty frame
		}
	}
	doc.save().rect(x, y, w, PHOTO_H).lineWidth(0.5).strokeColor(LINE).stroke().restore();
	let ty = y + PHOTO_H + 6;
	doc.font('sans-bold').fontSize(9.5).fillColor(INK);
	const name = printable(doc, item.name) || '…';
	const nh = nameHeight(doc, name, w);
	doc.font('sans-bold').fontSize(9.5).text(name, x, ty, { width: w, height: nh + 1, ellipsis: true });
	ty += nh + 4;
	const price =
		item.minPrice !== null && item.maxPrice !== null && item.maxPrice > item.minPrice
			? t('promo.catalog.priceRange', { min: formatRupiah(item.minPrice), max: formatRupiah(item.maxPrice) })
			: formatRupiah(item.minPrice ?? item.price);
	doc.font('sans-bold');
	doc.fontSize(fitFontSize(doc, price, w, 15, [12, 10.5, 9])).fillColor(ACCENT).text(price, x, ty, { width: w, height: 15, lineBreak: false, ellipsis: true });
	ty += 15;
	doc.font('sans').fontSize(8).fillColor(MUTED).text(printable(doc, t('promo.catalog.perUnit', { unit: item.unit })), x, ty, { width: w, height: 11, lineBreak: false, ellipsis: true });
}
