import type { DebtView } from '../cashbook/debt.service';

/** A receivable as the API answers it: `{ id, customer: { name, whatsapp }, amount, paid, outstanding, dueDate, whatsappUrl, … }`. */
export function receivableJson(d: DebtView) {
	return {
		id: d.id,
		customer: { name: d.name, whatsapp: d.whatsapp || null },
		amount: d.amount,
		paid: d.paid,
		outstanding: d.outstanding,
		dueDate: d.dueDate,
		overdue: d.overdue,
		state: d.state,
		note: d.note,
		createdAt: d.createdAt,
		cancelReason: d.cancelReason,
		whatsappUrl: d.whatsappUrl
	};
}
