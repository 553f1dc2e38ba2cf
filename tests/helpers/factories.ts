import { systemActor } from '../../src/lib/server/auth/actor';
import type { Services } from '../../src/lib/server/services';
import type { Community, Product, Shop } from '../../src/lib/server/db/schema';
import type { NewProductInput } from '../../src/lib/validation/product';

export const system = systemActor('test');
let seq = 0;

/** Factories insert through the real services, so every row a test sees obeys the same rules as production. */
export async function makeCommunity(services: Services, overrides: Partial<{ slug: string; name: string; regionCode: string }> = {}): Promise<Community> {
	seq++;
	return services.communities.create(system, {
		slug: overrides.slug ?? `desa-${seq}`,
		name: overrides.name ?? `Desa Contoh ${seq}`,
		regionCode: overrides.regionCode ?? `32.08.18.2${String(seq).padStart(3, '0')}`,
		kind: 'desa',
		district: 'Cigugur',
		regency: 'Kabupaten Kuningan',
		province: 'Jawa Barat'
	});
}

export async function makeShop(services: Services, community: Community, name = `Toko ${++seq}`): Promise<Shop> {
	return services.shops.create(system, community, { name, whatsapp: '0812 3456 7890', businessType: 'Penjual camilan' });
}

export async function makeProduct(services: Services, shop: Shop, input: Partial<NewProductInput> = {}): Promise<Product> {
	return services.products.create(system, shop, {
		name: input.name ?? `Produk ${++seq}`,
		categorySlug: input.categorySlug ?? 'camilan-keripik',
		price: input.price ?? 10000,
		unit: input.unit ?? 'bungkus',
		stock: input.stock ?? 10,
		published: input.published ?? true,
		...input
	});
}
