/**
 * Addresses of the "Produk pertama" screens (src/routes/(seller)/jual/produk-pertama), keeping `?toko=` when a
 * coordinator or facilitator is helping a seller.
 */
export function firstProductPath(step: '' | 'nama' | 'tayang', url: URL, params: Record<string, string> = {}): string {
	const q = new URLSearchParams(params);
	const toko = url.searchParams.get('toko');
	if (toko) q.set('toko', toko);
	const query = q.toString();
	return `/jual/produk-pertama${step ? `/${step}` : ''}${query ? `?${query}` : ''}`;
}
