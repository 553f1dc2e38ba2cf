import { errorResponses } from './openapi-errors';

/** OpenAPI paths of the cash book's ledger (issue 11), spread into openapi.ts. */
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const owner = "Bearer token of the shop's own seller; anyone else — another shop's seller, the community's coordinator or facilitator — gets 404 (a seller's books are private).";
const day = { type: 'string', format: 'date', description: '`YYYY-MM-DD`, a day in WIB' };
/** The optional `Idempotency-Key` header of the POSTs that create money records (entries, receivables, payments). */
export const idempotencyKey = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	schema: { type: 'string', pattern: '^[A-Za-z0-9._:~-]{8,100}$' },
	description:
		'A key of your own (a UUID, say), new for each record you mean to create. Sending the same key again — a retry after a timeout, a double tap — stores nothing new and answers 200 with what the first request stored (header `Idempotent-Replayed: true`), even when two arrive at the same moment. Keys belong to the shop: another shop using the same key is unrelated. A malformed key → 400, nothing stored.'
};

const summary = {
	type: 'object',
	description: 'profit = income − expense (prive and modal never in it); byMethod = net cash per way of paying (income + modal − expense − prive). Reversals are netted in.',
	properties: {
		income: { type: 'integer' },
		expense: { type: 'integer' },
		prive: { type: 'integer' },
		modal: { type: 'integer' },
		profit: { type: 'integer' },
		byMethod: { type: 'object', properties: { tunai: { type: 'integer' }, transfer: { type: 'integer' }, qris: { type: 'integer' } } }
	}
};

const entry = {
	type: 'object',
	properties: {
		id: { type: 'string', description: '`kas_…`' },
		kind: { type: 'string', enum: ['income', 'expense', 'prive', 'modal'] },
		amount: { type: 'integer', description: 'Integer rupiah; negative only for a reversing entry' },
		date: day,
		category: { type: 'string', description: "A built-in key (income: penjualan, lainnya; expense: bahan_baku, kemasan, transport, gaji, sewa, listrik_air, lainnya) or the shop's own `kat_…`; '' for prive and modal" },
		categoryName: { type: ['string', 'null'], description: "The name of the shop's own category; null for a built-in" },
		method: { type: 'string', enum: ['tunai', 'transfer', 'qris'] },
		note: { type: 'string' },
		hasPhoto: { type: 'boolean' },
		reversesId: { type: ['string', 'null'], description: 'Set on a reversing entry: the entry it corrects' },
		reversedBy: { type: ['string', 'null'], description: 'Set when this entry was corrected: the reversing entry' },
		source: { type: ['string', 'null'], description: 'Automatic postings: `order:<id>`, `order:<id>:batal`, `debt:<paymentId>`; null when typed by hand (also when stored with an Idempotency-Key)' },
		orderId: { type: ['string', 'null'] },
		createdAt: { type: 'string', format: 'date-time' }
	}
};

export const cashbookPaths = {
	'/shops/{shopId}/cashbook/entries': {
		post: {
			security: [{ bearer: [] }],
			summary: `Record one cash-book entry. Refused with 400 and field messages, nothing stored: amount ≤ 0, over 1000000000000 or not a whole number; a date that is not a day or more than one day ahead; an unknown kind, method or category. ${owner}`,
			parameters: [id('shopId'), idempotencyKey],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['kind', 'amount', 'method'],
							properties: {
								kind: { type: 'string', enum: ['income', 'expense', 'prive', 'modal'] },
								amount: { type: 'integer', minimum: 1, maximum: 1_000_000_000_000, description: 'Integer rupiah (a string such as "24.000" or "24rb" is read the Indonesian way)' },
								date: { ...day, description: '`YYYY-MM-DD` (WIB); default today; today or earlier' },
								category: { type: 'string', description: 'Default: penjualan (income), lainnya (expense); ignored for prive and modal' },
								method: { type: 'string', enum: ['tunai', 'transfer', 'qris'] },
								note: { type: 'string', maxLength: 500 }
							}
						}
					}
				}
			},
			responses: {
				201: { description: 'The entry', content: { 'application/json': { schema: entry } } },
				200: { description: 'The same Idempotency-Key again: the entry the first request stored, nothing new', content: { 'application/json': { schema: entry } } },
				...errorResponses(400, 401, 404, 413)
			}
		}
	},
	'/cashbook/entries/{entryId}/reverse': {
		post: {
			security: [{ bearer: [] }],
			summary: `Correct an entry: a reversing entry (same kind, category and method, −amount, on the original's day) is added; nothing is deleted. A second correction of the same entry, a correction of a reversing entry, or of an automatic posting (an order, a debt payment) → 409. ${owner}`,
			parameters: [id('entryId')],
			requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } } } } },
			responses: { 201: { description: 'The reversing entry', content: { 'application/json': { schema: entry } } }, ...errorResponses(400, 401, 404, 409) }
		}
	},
	'/shops/{shopId}/cashbook': {
		get: {
			security: [{ bearer: [] }],
			summary: `The book over a range of days: its entries (newest first, each with its reversal state) and its summary. Without from/to: this month. At most 400 days. ${owner}`,
			parameters: [id('shopId'), { name: 'from', in: 'query', required: false, schema: day }, { name: 'to', in: 'query', required: false, schema: day }],
			responses: {
				200: {
					description: '{ from, to, entries: [entry], summary }',
					content: { 'application/json': { schema: { type: 'object', properties: { from: day, to: day, entries: { type: 'array', items: entry }, summary } } } }
				},
				...errorResponses(400, 401, 404)
			}
		}
	}
};
