import { z } from 'zod';
import { day, instant, rupiah } from './json-schema';

/** What the cash book's ledger endpoints answer (issue 11). */

const METHODS = ['tunai', 'transfer', 'qris'] as const;

export const cashEntry = z.object({
	id: z.string().meta({ description: '`kas_…`' }),
	kind: z.enum(['income', 'expense', 'prive', 'modal']),
	amount: z.int().meta({ description: 'Integer rupiah; negative only for a reversing entry' }),
	date: day.meta({ description: '`YYYY-MM-DD`, a day in WIB' }),
	category: z.string().meta({ description: "A built-in key (income: penjualan, lainnya; expense: bahan_baku, kemasan, transport, gaji, sewa, listrik_air, lainnya) or the shop's own `kat_…`; '' for prive and modal" }),
	categoryName: z.string().nullable().meta({ description: "The name of the shop's own category; null for a built-in" }),
	method: z.enum(METHODS),
	note: z.string(),
	hasPhoto: z.boolean(),
	reversesId: z.string().nullable().meta({ description: 'Set on a reversing entry: the entry it corrects' }),
	reversedBy: z.string().nullable().meta({ description: 'Set when this entry was corrected: the reversing entry' }),
	source: z.string().nullable().meta({ description: 'Automatic postings: `order:<id>`, `order:<id>:batal`, `debt:<paymentId>`; null when typed by hand (also when stored with an Idempotency-Key)' }),
	orderId: z.string().nullable(),
	createdAt: instant
});

export const cashBook = z.object({
	from: day,
	to: day,
	entries: z.array(cashEntry).meta({ description: 'Newest first, each with its reversal state' }),
	summary: z
		.object({
			income: rupiah,
			expense: rupiah,
			prive: rupiah,
			modal: rupiah,
			profit: rupiah,
			byMethod: z.object(Object.fromEntries(METHODS.map((m) => [m, rupiah])) as Record<(typeof METHODS)[number], typeof rupiah>)
		})
		.meta({ description: 'profit = income − expense (prive and modal never in it); byMethod = net cash per way of paying (income + modal − expense − prive). Reversals are netted in.' })
});
