import { z } from 'zod';
import { cleanText, lineField, textField } from './text';
import type { FieldIssue } from './issues';
import { whatsappField } from './shop';
import { ORDER_CAPS } from '../server/orders/caps';
import { NOTE_MAX } from './limits';

/** The most a buyer's note to one shop may hold (limits.ts, which the cart page imports); re-exported for the server. */
export { NOTE_MAX };

export const checkoutSchema = z.object({
	buyer: z.object({
		name: lineField().min(2, 'msg:order.nameShort').max(80),
		whatsapp: whatsappField
	}),
	lines: z
		.array(
			z.object({
				productId: z.string().max(40),
				variantId: z.string().max(40).nullable().optional(),
				// One source for the number in every message: the per-line cap (ORDER_MAX_PER_LINE). Below 1 is refused
				// here; above the cap by OrderService (refuseOverCaps), whose message also names the product.
				quantity: z
					.number('msg:error.number')
					.int('msg:error.number')
					.refine((q) => q >= 1, { message: 'msg:order.quantity', params: { max: ORDER_CAPS.perLine } })
					// the refine and the service's cap are invisible to JSON Schema: /api/v1/openapi.json states both bounds
					.meta({ minimum: 1, maximum: ORDER_CAPS.perLine })
			})
		)
		.min(1, 'msg:order.empty')
		.max(50),
	shops: z.record(
		z.string().max(80),
		z.object({
			delivery: z.enum(['pickup', 'local', 'courier'], 'msg:order.deliveryChoose'),
			payment: z.enum(['cod', 'transfer', 'qris'], 'msg:order.paymentChoose'),
			address: lineField().max(300).optional().default(''),
			/** The buyer's note to this shop only (each seller reads their own). */
			note: textField().max(NOTE_MAX, 'msg:field.buyer.noteTooLong').optional().default('')
		})
	),
	note: textField().max(500).optional().default('')
});
export type CheckoutInput = z.input<typeof checkoutSchema>;

/** A retried request carries the same key and gets the same orders back. */
export const idempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{8,100}$/, 'msg:order.idempotencyKey');

/**
 * Every shop chosen for "Diantar penjual" without an address (at least 3 letters), as field issues. Told together
 * with the schema's own issues, so a buyer sees every field to fix in one round (issue 7: the address error used to
 * come only after the name and number were fixed).
 */
export function missingAddresses(input: unknown): FieldIssue[] {
	const shops = (input as { shops?: unknown } | null)?.shops;
	if (!shops || typeof shops !== 'object') return [];
	const out: FieldIssue[] = [];
	for (const [slug, choice] of Object.entries(shops as Record<string, unknown>)) {
		if (!choice || typeof choice !== 'object') continue;
		const { delivery, address } = choice as { delivery?: unknown; address?: unknown };
		if (delivery === 'local' && cleanText(typeof address === 'string' ? address : '').trim().length < 3)
			out.push({ field: `shops.${slug}.address`, messageKey: 'field.buyer.addressMissing', params: {} });
	}
	return out;
}
