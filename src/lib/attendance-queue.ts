/**
 * The attendance page's queue of ticks, kept on the phone (localStorage) until the server confirms them.
 * Isomorphic and free of Svelte so it can be unit-tested with a fake storage.
 */
export interface Tick {
	id: string;
	memberId: string;
	present: boolean;
	/** When the tick was made, ISO-8601 UTC (the phone's clock). */
	at: string;
}

export interface KeyValueStore {
	getItem(key: string): string | null;
	setItem(key: string, value: string): void;
}

const ALPHABET = '0123456789abcdefghjkmnpqrstvwxyz';

/** A tick id made on the phone. Uses getRandomValues, which (unlike randomUUID) also works over plain HTTP. */
export function newTickId(now = Date.now()): string {
	const bytes = crypto.getRandomValues(new Uint8Array(12));
	let rand = '';
	for (const b of bytes) rand += ALPHABET[b % 32];
	return `tick_${now.toString(32)}${rand}`;
}

function isTick(v: unknown): v is Tick {
	const t = v as Tick;
	return !!t && typeof t.id === 'string' && typeof t.memberId === 'string' && typeof t.present === 'boolean' && typeof t.at === 'string';
}

export function loadTicks(store: KeyValueStore | null, key: string): Tick[] {
	try {
		const parsed: unknown = JSON.parse(store?.getItem(key) ?? '[]');
		return Array.isArray(parsed) ? parsed.filter(isTick) : [];
	} catch {
		return [];
	}
}

export function saveTicks(store: KeyValueStore | null, key: string, ticks: Tick[]): void {
	try {
		store?.setItem(key, JSON.stringify(ticks));
	} catch {
		/* storage full or blocked: the ticks stay in memory for this page */
	}
}

/** Drops the ticks the server confirmed (applied now, or already before). */
export function withoutConfirmed(ticks: Tick[], confirmed: Iterable<string>): Tick[] {
	const done = new Set(confirmed);
	return ticks.filter((t) => !done.has(t.id));
}

/**
 * Whether a member shows as present: the server's state, unless a tick still on the phone is later.
 * Mirrors the server's rule (latest `at` wins; ties go to the larger id).
 */
export function presentNow(server: { present: boolean; at: string | null }, queued: Tick[]): boolean {
	let best: { present: boolean; at: string; id: string } | null = server.at ? { present: server.present, at: server.at, id: '' } : null;
	for (const t of queued) if (!best || t.at > best.at || (t.at === best.at && t.id > best.id)) best = t;
	return best ? best.present : server.present;
}
