import { z } from 'zod';
import { ORDER_STATUSES } from '../../orders/order-api.service';
import { day, instant, listOf, rupiah, url } from './json-schema';

/** What buyers' checkouts and a seller's orders, receivables and their payments look like in the API. */

const PAYMENT_METHODS = ['cod', 'transfer', 'qris'] as const;

export const checkout = z
	.object({
		code: z.string(),
		token: z.string().meta({ description: 'Needed to read the checkout again (GET /checkouts/{code}?token=…)' }),
		statusUrl: url.meta({ description: "The buyer's status page" }),
		orders: z
			.array(
				z.object({
					code: z.string(),
					shop: z.object({ slug: z.string(), name: z.string() }),
					status: z.enum(ORDER_STATUSES),
					cancelReason: z.string().nullable().meta({ description: 'Why the seller cancelled, as the seller wrote it (the buyer reads it); null unless status is dibatalkan' }),
					items: z.array(z.object({ name: z.string(), variantLabel: z.string().nullable(), unit: z.string(), price: rupiah, quantity: z.int().min(1), lineTotal: rupiah })),
					subtotal: rupiah,
					deliveryFee: rupiah,
					total: rupiah.meta({ description: 'Integer rupiah including the delivery fee' }),
					paid: z.boolean(),
					payment: z.object({
						method: z.enum(PAYMENT_METHODS),
						qris: z.string().optional().meta({ description: 'Dynamic QRIS payload with the amount' }),
						transfer: z.object({ bank: z.string(), accountNumber: z.string(), accountName: z.string() }).nullable().optional()
					}),
					note: z.string().meta({ description: "The buyer's note to this shop" }),
					whatsappUrl: url.meta({ description: 'Opens a message to the seller in Bahasa Indonesia with a link to the order' })
				})
			)
			.meta({ description: 'One order per shop' })
	});

export const apiOrder = z.object({
	id: z.string(),
	code: z.string(),
	status: z.enum(ORDER_STATUSES),
	total: rupiah.meta({ description: 'Rupiah, delivery fee included' }),
	subtotal: rupiah,
	deliveryFee: rupiah,
	paid: z.boolean(),
	paymentMethod: z.enum(PAYMENT_METHODS),
	delivery: z.enum(['pickup', 'local', 'courier']),
	buyerName: z.string(),
	itemCount: z.int().min(0),
	createdAt: instant,
	updatedAt: instant
});
export const orderList = listOf(apiOrder);

export const receivable = z.object({
	id: z.string(),
	customer: z.object({ name: z.string(), whatsapp: z.string().nullable().meta({ description: 'E.164 digits without +' }) }),
	amount: rupiah,
	paid: rupiah,
	outstanding: rupiah.meta({ description: '0 once paid in full or written off' }),
	dueDate: day.nullable(),
	overdue: z.boolean(),
	state: z.enum(['open', 'paid', 'cancelled']),
	note: z.string(),
	createdAt: instant,
	cancelReason: z.string().nullable(),
	whatsappUrl: url.nullable().meta({ description: 'wa.me link with a polite Indonesian reminder (name, amount left, shop); null when nothing is owed or no number is known' })
});
export const receivableList = listOf(receivable).extend({ totalOutstanding: rupiah });

export const payment = z.object({
	id: z.string(),
	amount: rupiah,
	method: z.enum(['tunai', 'transfer', 'qris']),
	date: day,
	createdAt: instant,
	entryId: z.string().meta({ description: 'The cash-book entry it posted' }),
	receivable: receivable.meta({ description: 'The receivable after this payment' })
});
