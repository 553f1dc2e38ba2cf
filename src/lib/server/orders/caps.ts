/**
 * How many units one checkout may reserve: an anonymous checkout takes stock at once, so without a cap one
 * request of 30 lines at full stock empties a whole village's shops. Per line and per checkout; a bigger
 * order is a conversation with the seller on WhatsApp. `ORDER_MAX_PER_LINE` / `ORDER_MAX_PER_CHECKOUT`
 * override the defaults (read once at start).
 */
export const ORDER_CAPS = {
	perLine: capFrom(process.env.ORDER_MAX_PER_LINE, 100),
	perCheckout: capFrom(process.env.ORDER_MAX_PER_CHECKOUT, 300)
};

function capFrom(value: string | undefined, fallback: number): number {
	const n = Number(value);
	return Number.isInteger(n) && n >= 1 && n <= 999_999 ? n : fallback;
}
