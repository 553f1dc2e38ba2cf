/**
 * Page data that only the server's render reads, on routes with `csr = false` (every public store page: no JavaScript).
 * SvelteKit serializes each page's server data for the browser's hydration even when csr is false, and then drops it
 * unused: on the 10,000-product catalog that was ~8 % of an uncached view's CPU (devalue walking 24 cards, 50 shops…).
 * `renderOnly(data)` marks a load's result (the object itself stays plain), and the `renderOnly` transport in
 * src/hooks.ts writes a one-character placeholder for it instead of walking it (bench/README.md, "Where the catalog's
 * CPU goes"). Only for `csr = false` routes: a hydrating browser would read null.
 */
const marked = new WeakSet<object>();

export function renderOnly<T extends object>(data: T): T {
	marked.add(data);
	return data;
}

/** The transport hook for marked data (src/hooks.ts): encoded as `1`, decoded as null (no browser ever decodes it). */
export const renderOnlyTransport = {
	encode: (value: unknown) => (typeof value === 'object' && value !== null && marked.has(value) ? 1 : false),
	decode: () => null
};
