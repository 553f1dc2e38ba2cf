import { z } from 'zod';
import { errorResponses, pathParam as id, BEARER } from './openapi-errors';
import { idempotencyKey } from './openapi-cashbook';
import { jsonBody, jsonResponse, schemaOf } from './api-schemas/json-schema';
import { orderList, apiOrder, payment, receivable, receivableList } from './api-schemas/orders';
import { orderListQuerySchema, orderPatchSchema } from '../orders/order-api.service';
import { debtPaymentSchema, debtSchema } from '../../validation/debts';

/** OpenAPI paths of a shop's orders and receivables for its own seller (issue 11), spread into openapi.ts. */
const seller = "Bearer token of the shop's own seller; anyone else (another seller, the community's coordinator or facilitator) gets 404.";

/** The API's receivable body: debtSchema's fields, with the customer's name and number nested (the route maps them). */
const { name, whatsapp, amount, dueDate, note } = debtSchema.shape;
const receivableBody = z.object({ customer: z.object({ name, whatsapp: whatsapp.meta({ description: 'Indonesian mobile, any usual form (0812…, +62 812…)' }) }), amount, dueDate, note });

export const orderDebtPaths = {
	'/shops/{shopId}/orders': {
		get: {
			operationId: 'listShopOrders',
			security: BEARER,
			summary: "The shop's orders, newest first (at most 500)",
			description: seller,
			parameters: [id('shopId'), { name: 'status', in: 'query', required: false, schema: schemaOf(orderListQuerySchema.shape.status, 'input') }],
			responses: { 200: jsonResponse('Orders', orderList), ...errorResponses(400, 401, 404) }
		}
	},
	'/orders/{orderId}': {
		patch: {
			operationId: 'updateOrder',
			security: BEARER,
			summary: 'Move an order and/or mark it paid',
			description: `By the seller inbox's own rules (forward steps only; "dibatalkan" before "selesai", or after it only with a "reason" — the income in the cash book is then reversed; the buyer reads the reason). "selesai" posts the order's total to the cash book once. Every state conflict → 409 \`bad_transition\`: an impossible move, the status the order already has with nothing else to change (a repeated PATCH), and "paid" on a cancelled order. ${seller}`,
			parameters: [id('orderId')],
			requestBody: jsonBody(orderPatchSchema, 'At least one of status and paid'),
			responses: { 200: jsonResponse('The order now', apiOrder), ...errorResponses(400, 401, 404, 409, 422) }
		}
	},
	'/shops/{shopId}/receivables': {
		post: {
			operationId: 'createReceivable',
			security: BEARER,
			summary: 'Record a receivable (utang pelanggan: a sale not yet paid)',
			description: `Nothing reaches the cash book until it is paid. ${seller}`,
			parameters: [id('shopId'), idempotencyKey],
			requestBody: jsonBody(receivableBody),
			responses: {
				201: jsonResponse('The receivable', receivable),
				200: jsonResponse('The same Idempotency-Key again: the receivable the first request recorded, nothing new', receivable),
				...errorResponses(400, 401, 404)
			}
		},
		get: {
			operationId: 'listReceivables',
			security: BEARER,
			summary: 'Who owes what',
			description: `Still owed first (overdue, then by due date, undated last, oldest first), then paid and written off. ${seller}`,
			parameters: [id('shopId')],
			responses: { 200: jsonResponse('Receivables', receivableList), ...errorResponses(401, 404) }
		}
	},
	'/receivables/{id}/payments': {
		post: {
			operationId: 'recordReceivablePayment',
			security: BEARER,
			summary: 'Record a payment of a receivable',
			description: `It is posted to the cash book as income in the same transaction. More than is still owed → 409 (also when two payments race); a written-off receivable → 409; an Idempotency-Key already used for a payment of another receivable → 409; a date after today (WIB) → 400. ${seller}`,
			parameters: [id('id'), idempotencyKey],
			requestBody: jsonBody(debtPaymentSchema),
			responses: {
				201: jsonResponse('The payment and the receivable after it', payment),
				200: jsonResponse('The same Idempotency-Key again: the payment the first request recorded and the receivable now; nothing new, also when the same key pays with a different body', payment),
				...errorResponses(400, 401, 404, 409)
			}
		}
	}
};
