/**
 * Values computed once per community catalog version and kept in memory (issue 10, item 7): the category counts
 * and shop list of a catalog page cost more than the page's products, and they change only when the catalog does.
 * The version is read before computing, so a value is never stored under a version newer than the data it saw;
 * a change while computing only means the next request computes again. A failed computation is not kept.
 */
export class PerVersion<T> {
	private entries = new Map<string, { version: number; value: Promise<T> }>();

	constructor(private readonly maxEntries = 1000) {}

	get(key: string, version: number | undefined, compute: () => Promise<T>): Promise<T> {
		if (version === undefined) return compute();
		const hit = this.entries.get(key);
		if (hit && hit.version === version) return hit.value;
		const value = compute();
		this.entries.delete(key);
		this.entries.set(key, { version, value });
		value.catch(() => {
			if (this.entries.get(key)?.value === value) this.entries.delete(key);
		});
		for (const [k] of this.entries) {
			if (this.entries.size <= this.maxEntries) break;
			this.entries.delete(k);
		}
		return value;
	}
}

/** The community's current catalog_version by id; undefined when unknown (nothing is kept then). */
export type CatalogVersionOf = (communityId: string) => Promise<number | undefined>;

/**
 * One read of a community's version for every caller that asks while it is in flight (a catalog view asks three
 * times at once: products total, category counts, shop list). Sharing is safe: the read runs after each caller
 * asked (or within the same turn of the event loop, after the requests it serves arrived), and it is forgotten as
 * soon as it settles, so a later request always reads again.
 */
export function shareInFlight(read: CatalogVersionOf): CatalogVersionOf {
	const inFlight = new Map<string, Promise<number | undefined>>();
	return (communityId) => {
		let pending = inFlight.get(communityId);
		if (!pending) {
			pending = read(communityId);
			inFlight.set(communityId, pending);
			const forget = () => inFlight.delete(communityId);
			pending.then(forget, forget);
		}
		return pending;
	};
}
