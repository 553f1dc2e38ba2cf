/**
 * A bank account number as a buyer reads it off the screen: its digits in groups of four ("0123 0100 0123 501"),
 * whatever the seller typed ("0123-01-000123-50-1"). Copy buttons keep the plain digits; this is for the eye only.
 */
export function formatAccountNumber(accountNumber: string): string {
	const digits = accountNumber.replace(/\D/g, '');
	return digits ? (digits.match(/.{1,4}/g) ?? []).join(' ') : accountNumber.trim();
}
