import type { Cookies } from '@sveltejs/kit';

/**
 * What the buyer typed on the cart's checkout form (delivery, payment, address, note, name, WhatsApp),
 * kept in its own httpOnly cookie so leaving the cart and coming back (without JavaScript) loses nothing.
 * Only ever read by the no-store cart page; cleared once an order is placed. Bounded well under 4 KB.
 */
export const CHECKOUT_COOKIE = 'ecrav_checkout';
const MAX_ENCODED = 3600;
const FIELD = /^shop\.([a-z0-9-]{1,60})\.(delivery|payment|address|note)$/;
const CAPS: Record<string, number> = { delivery: 10, payment: 10, address: 300, note: 500, name: 80, whatsapp: 40 };

/** The typed checkout values (form field names → text) stored for this community. */
export function readCheckout(cookies: Cookies, community: string): Record<string, string> {
	const raw = cookies.get(CHECKOUT_COOKIE);
	if (!raw || raw.length > 4000) return {};
	try {
		const parsed = JSON.parse(raw) as { c?: unknown; v?: unknown };
		if (!parsed || typeof parsed !== 'object' || parsed.c !== community || !parsed.v || typeof parsed.v !== 'object') return {};
		return pick(Object.entries(parsed.v as Record<string, unknown>));
	} catch {
		return {};
	}
}

function pick(entries: [string, unknown][]): Record<string, string> {
	const out: Record<string, string> = {};
	for (const [k, v] of entries) {
		if (typeof v !== 'string') continue;
		const kind = k === 'name' || k === 'whatsapp' ? k : FIELD.exec(k)?.[2];
		if (!kind || Object.keys(out).length >= 80) continue;
		out[k] = v.slice(0, CAPS[kind]);
	}
	return out;
}

/** Stores the checkout fields of a posted cart form; longest texts are dropped first if it would not fit. */
export function writeCheckout(cookies: Cookies, community: string, form: FormData, secure: boolean) {
	const values = pick([...form].filter(([, v]) => typeof v === 'string') as [string, string][]);
	for (const k of Object.keys(values)) if (values[k].trim() === '') delete values[k];
	if (Object.keys(values).length === 0) return clearCheckout(cookies);
	const encoded = () => encodeURIComponent(JSON.stringify({ c: community, v: values }));
	while (encoded().length > MAX_ENCODED) {
		const longest = Object.keys(values).sort((a, b) => values[b].length - values[a].length)[0];
		delete values[longest];
	}
	cookies.set(CHECKOUT_COOKIE, JSON.stringify({ c: community, v: values }), { path: '/', httpOnly: true, sameSite: 'lax', secure, maxAge: 60 * 60 * 24 * 14 });
}

export function clearCheckout(cookies: Cookies) {
	cookies.delete(CHECKOUT_COOKIE, { path: '/' });
}
