import { errorResponses } from './openapi-errors';
import { idempotencyKey } from './openapi-cashbook';

/** OpenAPI paths of a shop's orders and receivables for its own seller (issue 11), spread into openapi.ts. */
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const seller = "Bearer token of the shop's own seller; anyone else (another seller, the community's coordinator or facilitator) gets 404.";
const json = (schema: object) => ({ 'application/json': { schema } });

const STATUSES = ['baru', 'dikonfirmasi', 'disiapkan', 'dikirim', 'siap_diambil', 'selesai', 'dibatalkan'];

const ApiOrder = {
	type: 'object',
	required: ['id', 'code', 'status', 'total', 'paid'],
	properties: {
		id: { type: 'string' },
		code: { type: 'string' },
		status: { enum: STATUSES },
		total: { type: 'integer', description: 'Rupiah, delivery fee included' },
		subtotal: { type: 'integer' },
		deliveryFee: { type: 'integer' },
		paid: { type: 'boolean' },
		paymentMethod: { enum: ['cod', 'transfer', 'qris'] },
		delivery: { enum: ['pickup', 'local', 'courier'] },
		buyerName: { type: 'string' },
		itemCount: { type: 'integer' },
		createdAt: { type: 'string', format: 'date-time' },
		updatedAt: { type: 'string', format: 'date-time' }
	}
};

const Receivable = {
	type: 'object',
	required: ['id', 'customer', 'amount', 'paid', 'outstanding', 'dueDate', 'whatsappUrl'],
	properties: {
		id: { type: 'string' },
		customer: { type: 'object', properties: { name: { type: 'string' }, whatsapp: { type: ['string', 'null'], description: 'E.164 digits without +' } } },
		amount: { type: 'integer' },
		paid: { type: 'integer' },
		outstanding: { type: 'integer', description: '0 once paid in full or written off' },
		dueDate: { type: ['string', 'null'], format: 'date' },
		overdue: { type: 'boolean' },
		state: { enum: ['open', 'paid', 'cancelled'] },
		note: { type: 'string' },
		createdAt: { type: 'string', format: 'date-time' },
		cancelReason: { type: ['string', 'null'] },
		whatsappUrl: { type: ['string', 'null'], description: 'wa.me link with a polite Indonesian reminder (name, amount left, shop); null when nothing is owed or no number is known' }
	}
};

const Payment = { type: 'object', properties: { id: { type: 'string' }, amount: { type: 'integer' }, method: { type: 'string' }, date: { type: 'string', format: 'date' }, entryId: { type: 'string', description: 'The cash-book entry it posted' }, receivable: Receivable } };

export const orderDebtPaths = {
	'/shops/{shopId}/orders': {
		get: {
			security: [{ bearer: [] }],
			summary: `The shop's orders, newest first (at most 500). ${seller}`,
			parameters: [id('shopId'), { name: 'status', in: 'query', required: false, schema: { enum: STATUSES } }],
			responses: { 200: { description: 'Orders', content: json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: ApiOrder } } }) }, ...errorResponses(400, 401, 404) }
		}
	},
	'/orders/{orderId}': {
		patch: {
			security: [{ bearer: [] }],
			summary: `Move an order and/or mark it paid, by the seller inbox's own rules (forward steps only; "dibatalkan" before "selesai", or after it only with a "reason" — the income in the cash book is then reversed). "selesai" posts the order's total to the cash book once. Every state conflict → 409 \`bad_transition\`: an impossible move, the status the order already has with nothing else to change (a repeated PATCH), and "paid" on a cancelled order. ${seller}`,
			parameters: [id('orderId')],
			requestBody: {
				required: true,
				content: json({
					type: 'object',
					properties: {
						status: { enum: STATUSES },
						paid: { const: true },
						reason: { type: 'string', minLength: 3, maxLength: 300, description: 'Why it is cancelled (the buyer reads it); required to cancel a completed order' }
					}
				})
			},
			responses: { 200: { description: 'The order now', content: json(ApiOrder) }, ...errorResponses(400, 401, 404, 409, 422) }
		}
	},
	'/shops/{shopId}/receivables': {
		post: {
			security: [{ bearer: [] }],
			summary: `Record a receivable (utang pelanggan: a sale not yet paid). Nothing reaches the cash book until it is paid. ${seller}`,
			parameters: [id('shopId'), idempotencyKey],
			requestBody: {
				required: true,
				content: json({
					type: 'object',
					required: ['customer', 'amount'],
					properties: {
						customer: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 2, maxLength: 80 }, whatsapp: { type: 'string', description: 'Indonesian mobile, any usual form (0812…, +62 812…)' } } },
						amount: { type: 'integer', minimum: 1, maximum: 1000000000000 },
						dueDate: { type: 'string', format: 'date' },
						note: { type: 'string', maxLength: 500 }
					}
				})
			},
			responses: {
				201: { description: 'The receivable', content: json(Receivable) },
				200: { description: 'The same Idempotency-Key again: the receivable the first request recorded, nothing new', content: json(Receivable) },
				...errorResponses(400, 401, 404)
			}
		},
		get: {
			security: [{ bearer: [] }],
			summary: `Who owes what: still owed first (overdue, then by due date, undated last, oldest first), then paid and written off. ${seller}`,
			parameters: [id('shopId')],
			responses: { 200: { description: 'Receivables', content: json({ type: 'object', required: ['data'], properties: { data: { type: 'array', items: Receivable }, totalOutstanding: { type: 'integer' } } }) }, ...errorResponses(401, 404) }
		}
	},
	'/receivables/{id}/payments': {
		post: {
			security: [{ bearer: [] }],
			summary: `Record a payment of a receivable; it is posted to the cash book as income in the same transaction. More than is still owed → 409 (also when two payments race); a written-off receivable → 409; an Idempotency-Key already used for a payment of another receivable → 409; a date after today (WIB) → 400. ${seller}`,
			parameters: [id('id'), idempotencyKey],
			requestBody: {
				required: true,
				content: json({
					type: 'object',
					required: ['amount', 'method'],
					properties: { amount: { type: 'integer', minimum: 1 }, method: { enum: ['tunai', 'transfer', 'qris'] }, date: { type: 'string', format: 'date', description: 'WIB day; today when left out' } }
				})
			},
			responses: {
				201: { description: 'The payment and the receivable after it', content: json(Payment) },
				200: { description: 'The same Idempotency-Key again: the payment the first request recorded and the receivable now; nothing new, also when the same key pays with a different body', content: json(Payment) },
				...errorResponses(400, 401, 404, 409)
			}
		}
	}
} as const;
