import type { Translate } from '../../i18n';
import { formatWhatsappLocal } from '../../utils/phone';
import type { PosterData } from '../promo/promo.service';
import { newDocument, type Doc } from './pdf-kit';
import { drawQr, fitFontSize, printable } from './print-helpers';

export type PosterSize = 'A4' | 'A6';

/** The poster is laid out once on A4 (595 × 842 pt); A6 is exactly half of it each way, so it is the same drawing at 0.5. */
const W = 595.28;
const H = 841.89;
const M = 36;
const BRAND = '#7c2d12';
const ACCENT = '#b45309';
const WA = '#15803d';
const INK = '#1f1a17';
const MUTED = '#5b524c';

/**
 * A shop's QR poster (issue 10 item 4): the name large on a coloured band, a product photo, "Pesan online", a QR
 * code to the shop's page carrying `?src=poster`, the shop's static QRIS beside it when set, the WhatsApp number
 * written the Indonesian way, and three short steps. Type sizes are for reading from a metre away on A4 and from
 * arm's length on A6 (QR codes 6.3 cm and 3.2 cm wide). Every text is plain text with a bounded height: a 200-letter
 * name shrinks and then ends in "…", never runs onto a second page.
 */
export async function posterPdf(data: PosterData, size: PosterSize, t: Translate): Promise<Buffer> {
	const { doc, done } = newDocument({ title: t('promo.poster.title', { shop: data.shop.name }), size, margins: { top: 0, bottom: 0, left: 0, right: 0 } });
	if (size === 'A6') doc.scale(doc.page.width / W);
	drawPoster(doc, data, t, size === 'A6');
	doc.end();
	return done;
}

/** `small`: drawn for A6 (half size), where the steps get larger type and the footer is left out to make room. */
function drawPoster(doc: Doc, data: PosterData, t: Translate, small: boolean) {
	const inner = W - 2 * M;
	// the band: community above, shop name fitted to two or three lines
	const bandH = 150;
	doc.rect(0, 0, W, bandH).fill(BRAND);
	doc.font('sans').fontSize(15).fillColor('#fde7d3');
	doc.text(printable(doc, data.communityName), M, 24, { width: inner, height: 20, align: 'center', ellipsis: true, lineBreak: false });
	doc.font('sans-bold');
	const name = printable(doc, data.shop.name) || '…';
	const nameBox = bandH - 56 - 10;
	const nameSize = fitFontSize(doc, name, inner, nameBox, [44, 40, 36, 32, 28, 24, 21, 18]);
	const nameH = Math.min(nameBox, doc.fontSize(nameSize).heightOfString(name, { width: inner }));
	doc.fillColor('#ffffff').text(name, M, 52 + (nameBox - nameH) / 2, { width: inner, height: nameBox, align: 'center', ellipsis: true });

	// the photo (or the shop's initial when it has none)
	const photoTop = bandH + 14;
	const photoH = 262;
	if (data.photo) {
		try {
			doc.image(data.photo, M, photoTop, { fit: [inner, photoH], align: 'center', valign: 'center' });
		} catch {
			initial(doc, name, photoTop, photoH);
		}
	} else initial(doc, name, photoTop, photoH);

	// "Pesan online"
	const headY = photoTop + photoH + 10;
	doc.font('sans-bold').fontSize(40).fillColor(ACCENT).text(t('promo.poster.orderOnline'), M, headY, { width: inner, height: 50, align: 'center', lineBreak: false });

	// the QR code(s)
	const qrY = headY + 56;
	const qr = 180;
	const captionY = qrY + qr + 4;
	// the QRIS is drawn smaller than the shop's code, so a camera aimed at the poster finds the shop first
	const qrisSize = 130;
	const codes: { x: number; size: number; payload: string; caption: string; detail: string; warn?: string }[] = [];
	if (data.qris) {
		const half = inner / 2;
		codes.push({ x: M + (half - qr) / 2, size: qr, payload: data.shop.url, caption: t('promo.poster.scan'), detail: data.shop.url.replace(/^https?:\/\//, '') });
		codes.push({ x: M + half + (half - qrisSize) / 2, size: qrisSize, payload: data.qris.payload, caption: t('promo.poster.payQris'), detail: data.qris.merchantName, warn: data.qris.sample ? t('promo.poster.qrisSample') : undefined });
	} else {
		codes.push({ x: (W - qr) / 2, size: qr, payload: data.shop.url, caption: t('promo.poster.scan'), detail: data.shop.url.replace(/^https?:\/\//, '') });
	}
	const colW = data.qris ? inner / 2 - 8 : inner;
	for (const c of codes) {
		drawQr(doc, c.payload, c.x, qrY + qr - c.size, c.size);
		const cx = c.x + c.size / 2 - colW / 2;
		doc.font('sans-bold').fontSize(14).fillColor(INK).text(c.caption, cx, captionY, { width: colW, height: 18, align: 'center', lineBreak: false });
		doc.font('sans').fontSize(8.5).fillColor(MUTED).text(printable(doc, c.detail), cx, captionY + 18, { width: colW, height: 22, align: 'center', ellipsis: true });
		if (c.warn) doc.font('sans-bold').fontSize(9).fillColor('#b91c1c').text(c.warn, cx, captionY + 40, { width: colW, height: 12, align: 'center', lineBreak: false });
	}

	// WhatsApp and the steps
	const waY = captionY + 54;
	if (data.shop.whatsapp) doc.font('sans-bold').fontSize(24).fillColor(WA).text(t('promo.poster.whatsapp', { number: formatWhatsappLocal(data.shop.whatsapp) }), M, waY, { width: inner, height: 30, align: 'center', lineBreak: false });
	const stepSize = small ? 15 : 12.5;
	doc.font('sans').fontSize(stepSize).fillColor(INK);
	let y = waY + 34;
	for (const step of [t('promo.poster.step1'), t('promo.poster.step2'), t('promo.poster.step3')]) {
		doc.text(step, M + (small ? 20 : 60), y, { width: inner - (small ? 40 : 120), height: stepSize + 4, lineBreak: false, ellipsis: true });
		y += stepSize + 5;
	}
	if (!small) doc.font('sans').fontSize(8).fillColor(MUTED).text(t('promo.poster.footer'), M, H - 20, { width: inner, height: 10, align: 'center', lineBreak: false });
}

/** A large initial in a circle where the photo would be: a poster without a photo still looks finished. */
function initial(doc: Doc, name: string, top: number, height: number) {
	const r = height / 2 - 10;
	doc.circle(W / 2, top + height / 2, r).fill('#fde7d3');
	const letter = [...name][0]?.toUpperCase() ?? '?';
	doc.font('sans-bold').fontSize(r * 1.1).fillColor(BRAND);
	const lh = doc.currentLineHeight();
	doc.text(letter, W / 2 - r, top + height / 2 - lh / 2, { width: 2 * r, height: lh + 4, align: 'center', lineBreak: false });
}
