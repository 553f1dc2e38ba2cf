import { errorResponses, pathParam as id, BEARER } from './openapi-errors';
import { jsonBody, jsonResponse, schemaOf } from './api-schemas/json-schema';
import { cashBook, cashEntry } from './api-schemas/cashbook';
import { cashEntrySchema, cashRangeSchema, cashReverseSchema } from '../../validation/cashbook';
import { FORM_TOKEN_PATTERN } from '../cashbook/form-token';

/** OpenAPI paths of the cash book's ledger (issue 11), spread into openapi.ts. */
const owner = "Bearer token of the shop's own seller; anyone else — another shop's seller, the community's coordinator or facilitator — gets 404 (a seller's books are private).";

/** The optional `Idempotency-Key` header of the POSTs that create money records (entries, receivables, payments). */
export const idempotencyKey = {
	name: 'Idempotency-Key',
	in: 'header',
	required: false,
	schema: { type: 'string', pattern: FORM_TOKEN_PATTERN.source },
	description:
		'A key of your own (a UUID, say), new for each record you mean to create. Sending the same key again — a retry after a timeout, a double tap — stores nothing new and answers 200 with what the first request stored (header `Idempotent-Replayed: true`), even when two arrive at the same moment. Keys belong to the shop: another shop using the same key is unrelated. A malformed key → 400, nothing stored.'
};

export const cashbookPaths = {
	'/shops/{shopId}/cashbook/entries': {
		post: {
			operationId: 'createCashEntry',
			security: BEARER,
			summary: 'Record one cash-book entry',
			description: `Refused with 400 and field messages, nothing stored: amount ≤ 0, over 1000000000000 or not a whole number; a date that is not a day or more than one day ahead; an unknown kind, method or category. date: \`YYYY-MM-DD\` (WIB), default today. category: default penjualan (income), lainnya (expense); ignored for prive and modal. ${owner}`,
			parameters: [id('shopId'), idempotencyKey],
			requestBody: jsonBody(cashEntrySchema),
			responses: {
				201: jsonResponse('The entry', cashEntry),
				200: jsonResponse('The same Idempotency-Key again: the entry the first request stored, nothing new', cashEntry),
				...errorResponses(400, 401, 404, 413)
			}
		}
	},
	'/cashbook/entries/{entryId}/reverse': {
		post: {
			operationId: 'reverseCashEntry',
			security: BEARER,
			summary: 'Correct an entry with a reversing entry',
			description: `A reversing entry (same kind, category and method, −amount, on the original's day) is added; nothing is deleted. A second correction of the same entry, a correction of a reversing entry, or of an automatic posting (an order, a debt payment) → 409. ${owner}`,
			parameters: [id('entryId')],
			requestBody: { ...jsonBody(cashReverseSchema), required: false },
			responses: { 201: jsonResponse('The reversing entry', cashEntry), ...errorResponses(400, 401, 404, 409) }
		}
	},
	'/shops/{shopId}/cashbook': {
		get: {
			operationId: 'getCashBook',
			security: BEARER,
			summary: 'The book over a range of days',
			description: `Its entries (newest first, each with its reversal state) and its summary. Without from/to: this month. At most 400 days. ${owner}`,
			parameters: [id('shopId'), ...(['from', 'to'] as const).map((name) => ({ name, in: 'query', required: false, description: '`YYYY-MM-DD`, a day in WIB', schema: schemaOf(cashRangeSchema.shape[name], 'input') }))],
			responses: { 200: jsonResponse('The book', cashBook), ...errorResponses(400, 401, 404) }
		}
	}
};
