/**
 * QRIS (EMVCo merchant-presented QR, Indonesian profile). A payload is a list of TLV fields: 2-digit tag,
 * 2-digit decimal length, value; tag 63 (CRC-16/CCITT-FALSE over everything up to and including "6304")
 * comes last. Everything here parses and re-serialises fields; nothing ever string-replaces inside a payload.
 */

/** A static QRIS published as a documentation sample ("Warung Sayur Bu Sugeng"); the demo uses it renamed (sampleQrisFor), marked as a sample. */
export const PUBLISHED_SAMPLE_QRIS =
	'00020101021126570011ID.DANA.WWW011893600915302259148102090225914810303UMI51440014ID.CO.QRIS.WWW0215ID10200176114730303UMI5204581253033605802ID5922Warung Sayur Bu Sugeng6010Kab. Demak610559567630458C7';

/** The sample's merchant ID (51.02 NMID): a payload that carries it is the published sample, whatever name it shows. */
export const SAMPLE_QRIS_NMID = 'ID1020017611473';

export interface TlvField {
	tag: string;
	value: string;
}

export type QrisErrorCode = 'malformed' | 'bad_crc' | 'not_qris' | 'missing_field' | 'dynamic' | 'bad_amount';

export class QrisError extends Error {
	constructor(readonly code: QrisErrorCode, detail: string) {
		super(`${code}: ${detail}`);
		this.name = 'QrisError';
	}
}

/** CRC-16/CCITT-FALSE: poly 0x1021, init 0xFFFF, no reflection, no final xor. Check value of "123456789" is 29B1. */
export function crc16(text: string): string {
	let crc = 0xffff;
	for (const byte of Buffer.from(text, 'utf8')) {
		crc ^= byte << 8;
		for (let i = 0; i < 8; i++) crc = crc & 0x8000 ? ((crc << 1) ^ 0x1021) & 0xffff : (crc << 1) & 0xffff;
	}
	return crc.toString(16).toUpperCase().padStart(4, '0');
}

export function parseTlv(payload: string): TlvField[] {
	const fields: TlvField[] = [];
	let i = 0;
	while (i < payload.length) {
		const tag = payload.slice(i, i + 2);
		const lenText = payload.slice(i + 2, i + 4);
		if (!/^\d{2}$/.test(tag) || !/^\d{2}$/.test(lenText)) throw new QrisError('malformed', `bad TLV header at ${i}`);
		const len = Number(lenText);
		const value = payload.slice(i + 4, i + 4 + len);
		if (value.length !== len) throw new QrisError('malformed', `field ${tag} is cut short`);
		fields.push({ tag, value });
		i += 4 + len;
	}
	return fields;
}

export function serialiseTlv(fields: TlvField[]): string {
	return fields
		.map((f) => {
			if (f.value.length > 99) throw new QrisError('malformed', `field ${f.tag} too long`);
			return f.tag + String(f.value.length).padStart(2, '0') + f.value;
		})
		.join('');
}

export interface QrisInfo {
	fields: TlvField[];
	isDynamic: boolean;
	merchantName: string;
	merchantCity: string;
	nmid: string | null;
	amount: number | null;
}

/** Parses and validates a QRIS payload: CRC, format indicator, ID.CO.QRIS.WWW with NMID, currency, country, name, city. */
export function parseQris(input: string): QrisInfo {
	const payload = input.trim();
	if (payload.length < 30 || payload.length > 512 || !/^[\x20-\x7e]+$/.test(payload)) throw new QrisError('malformed', 'not a QR payload');
	const fields = parseTlv(payload);
	const last = fields.at(-1);
	if (!last || last.tag !== '63' || last.value.length !== 4) throw new QrisError('malformed', 'CRC field 63 must come last');
	if (crc16(payload.slice(0, -4)) !== last.value.toUpperCase()) throw new QrisError('bad_crc', 'checksum does not match');
	const get = (tag: string) => fields.find((f) => f.tag === tag)?.value;
	if (get('00') !== '01') throw new QrisError('not_qris', 'payload format indicator must be 01');
	const qrisField = fields.find((f) => f.tag === '51' && f.value.includes('ID.CO.QRIS.WWW'));
	if (!qrisField) throw new QrisError('not_qris', 'no ID.CO.QRIS.WWW merchant field');
	const nmid = parseTlv(qrisField.value).find((f) => f.tag === '02')?.value ?? null;
	if (!nmid) throw new QrisError('missing_field', 'NMID (51.02)');
	for (const tag of ['52', '53', '58', '59', '60']) if (!get(tag)) throw new QrisError('missing_field', `tag ${tag}`);
	if (get('53') !== '360') throw new QrisError('not_qris', 'currency must be IDR (360)');
	if (get('58') !== 'ID') throw new QrisError('not_qris', 'country must be ID');
	const amountText = get('54');
	if (amountText !== undefined && !/^\d+(\.\d{1,2})?$/.test(amountText)) throw new QrisError('bad_amount', 'tag 54 is not a number');
	return {
		fields,
		isDynamic: get('01') === '12',
		merchantName: get('59') ?? '',
		merchantCity: get('60') ?? '',
		nmid,
		amount: amountText === undefined ? null : Math.round(Number(amountText))
	};
}

/**
 * The published sample QRIS as a demo shop's own: the merchant name (59) becomes the shop's name and the city (60)
 * the demo's, the sample's postal code (61, Demak's) is left out, and the CRC is recomputed — so a demo buyer sees
 * the shop they ordered from, not "Warung Sayur Bu Sugeng". The NMID stays the sample's: pages still call it a
 * sample not to be paid (SAMPLE_QRIS_NMID). QRIS allows 25 characters of name and 15 of city, in printable ASCII.
 */
export function sampleQrisFor(merchantName: string, merchantCity: string): string {
	const ascii = (text: string, max: number, fallback: string) => text.normalize('NFKD').replace(/[^\x20-\x7e]/g, '').replace(/\s+/g, ' ').trim().slice(0, max).trim() || fallback;
	const fields = parseQris(PUBLISHED_SAMPLE_QRIS)
		.fields.filter((f) => f.tag !== '61' && f.tag !== '63')
		.map((f) => (f.tag === '59' ? { tag: '59', value: ascii(merchantName, 25, 'Toko Contoh') } : f.tag === '60' ? { tag: '60', value: ascii(merchantCity, 15, 'Indonesia') } : f));
	const body = serialiseTlv(fields) + '6304';
	return body + crc16(body);
}

/**
 * A seller's static QRIS turned into a one-off code for an exact amount (integer rupiah): tag 01 becomes
 * 12, tips and fees (55–57) are dropped (Bank Indonesia forbids surcharging QRIS buyers), tag 54 goes
 * right before 58, and the CRC is recomputed.
 */
export function toDynamicQris(staticPayload: string, amount: number): string {
	if (!Number.isSafeInteger(amount) || amount < 1 || String(amount).length > 13) throw new QrisError('bad_amount', 'amount must be 1 … 9,999,999,999,999 rupiah');
	const info = parseQris(staticPayload);
	const kept = info.fields.filter((f) => !['54', '55', '56', '57', '63'].includes(f.tag)).map((f) => (f.tag === '01' ? { tag: '01', value: '12' } : f));
	const at = kept.findIndex((f) => f.tag === '58');
	kept.splice(at, 0, { tag: '54', value: String(amount) });
	const body = serialiseTlv(kept) + '6304';
	return body + crc16(body);
}
