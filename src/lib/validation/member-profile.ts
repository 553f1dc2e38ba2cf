import { z } from 'zod';
import { lineField } from './text';
import { normalizeWhatsapp } from '../utils/phone';
import { parseRupiah } from '../utils/money';

/** Largest declared figure we accept (Rp 1 triliun): beyond any UMKM, and safe as a JS integer. */
const MAX_RUPIAH = 1_000_000_000_000;

/**
 * Money as people write it in a form or a spreadsheet, read by the project's one rupiah parser: "5000000",
 * "5.000.000", "Rp 5.000.000", "5.000.000,-", "120jt", "1,5 jt". Returns null for an empty value, NaN when it
 * is not a whole rupiah amount.
 */
export function parseDeclaredRupiah(input: unknown): number | null {
	if (input == null) return null;
	if (typeof input === 'number') return Number.isInteger(input) && input >= 0 ? input : NaN;
	const text = String(input).trim();
	if (text === '') return null;
	return parseRupiah(text) ?? NaN;
}

/** A declared amount; its message names the field, so two wrong amounts never read as one repeated error. */
const declaredRupiah = (message: string) =>
	z
		.unknown()
		.optional()
		.transform((v, ctx) => {
			const n = parseDeclaredRupiah(v);
			if (n !== null && (Number.isNaN(n) || n > MAX_RUPIAH)) {
				ctx.addIssue({ code: 'custom', message });
				return z.NEVER;
			}
			return n;
		});

const optionalText = (max: number) =>
	lineField()
		.max(max, 'msg:members.tooLong')
		.optional()
		.transform((v) => (v ? v : null));

export const MARKETING_CHANNELS = ['offline', 'whatsapp', 'social_media', 'marketplace'] as const;

/** Words people use for each channel in a spreadsheet, lower-case. */
const CHANNEL_WORDS: Record<string, (typeof MARKETING_CHANNELS)[number]> = {
	offline: 'offline',
	luring: 'offline',
	langsung: 'offline',
	whatsapp: 'whatsapp',
	wa: 'whatsapp',
	social_media: 'social_media',
	'media sosial': 'social_media',
	medsos: 'social_media',
	sosmed: 'social_media',
	marketplace: 'marketplace',
	lokapasar: 'marketplace'
};

export const memberProfileSchema = z.object({
	personName: lineField('msg:members.nameRequired').min(1, 'msg:members.nameRequired').max(80, 'msg:members.tooLong'),
	whatsapp: z
		.string()
		.trim()
		.max(40, 'msg:error.whatsapp')
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const n = normalizeWhatsapp(v);
			if (!n) {
				ctx.addIssue({ code: 'custom', message: 'msg:error.whatsapp' });
				return z.NEVER;
			}
			return n;
		}),
	rw: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const m = /^(?:rw\.?\s*)?0*(\d{1,3})$/i.exec(v);
			if (!m) {
				ctx.addIssue({ code: 'custom', message: 'msg:members.rwInvalid' });
				return z.NEVER;
			}
			return m[1].padStart(2, '0');
		}),
	nib: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const d = v.replace(/[\s.-]/g, '');
			if (!/^\d{13}$/.test(d)) {
				ctx.addIssue({ code: 'custom', message: 'msg:members.nibInvalid' });
				return z.NEVER;
			}
			return d;
		}),
	pirt: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const d = v.replace(/^p-?irt\s*(no\.?)?\s*/i, '').replace(/\s/g, '');
			if (!/^\d{13}-?\d{2}$/.test(d)) {
				ctx.addIssue({ code: 'custom', message: 'msg:members.pirtInvalid' });
				return z.NEVER;
			}
			return d.includes('-') ? d : `${d.slice(0, 13)}-${d.slice(13)}`;
		}),
	halal: optionalText(80),
	capital: declaredRupiah('msg:members.capitalInvalid'),
	annualSales: declaredRupiah('msg:members.salesInvalid'),
	channelBefore: z
		.string()
		.trim()
		.optional()
		.transform((v, ctx) => {
			if (!v) return null;
			const c = CHANNEL_WORDS[v.toLowerCase()];
			if (!c) {
				ctx.addIssue({ code: 'custom', message: 'msg:members.channelInvalid' });
				return z.NEVER;
			}
			return c;
		})
});
export type MemberProfileInput = z.input<typeof memberProfileSchema>;
export type MemberProfile = z.output<typeof memberProfileSchema>;
