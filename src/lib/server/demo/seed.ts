import type { Services } from '../services';
import { systemActor } from '../auth/actor';
import { placeholderPhoto } from '../media/placeholder';
import type { CategorySlug } from '../../categories';
import type { Community, Role } from '../db/schema';
import { sampleQrisFor } from '../payments/qris';
import demo from './cigadung.json';
import { seedDemoProgram } from './program-seed';
import { categoryFor, weightFor } from '../catalog/shop-defaults';

const actor = systemActor('demo-seed');

/**
 * One example product of a demo seller: name, unit, price, and optionally its sizes (variants) with their own
 * prices, so a fresh instance shows the "choose a size" journey (Basreng Stik Pedas 100 g / 250 g / 500 g, and a
 * sambal: Sambal Teri 100 g / 200 g at Sambal MT, the shop that also takes QRIS).
 */
type DemoExample = [string, string, number, { title: string; sizes: [string, number][] }?];

/** Shop name from the report's business line and initials: "Penjual ketempling" + "JJ" → "Ketempling JJ". */
export function demoShopName(business: string, initials: string): string {
	const what = business.replace(/^(Penjual|Pedagang)\s+/i, '');
	const title = what.replace(/(^|[\s-])(\p{L})/gu, (_m, sep: string, ch: string) => sep + ch.toUpperCase());
	return `${title} ${initials}`;
}

const SENTENCES: Record<CategorySlug, string> = {
	'makanan-berat': 'Dimasak saat dipesan supaya tetap hangat dan segar. Cocok untuk makan siang atau makan malam keluarga.',
	'camilan-keripik': 'Renyah, gurih, dan digoreng dengan minyak yang selalu diganti. Cocok untuk teman ngopi dan oleh-oleh khas Kuningan.',
	kue: 'Dibuat setiap pagi dengan bahan sederhana tanpa pengawet. Cocok untuk sarapan, arisan, dan hajatan.',
	minuman: 'Segar dan dibuat dari bahan pilihan.',
	'frozen-food': 'Disimpan beku, tinggal goreng kapan saja. Tahan 1 bulan di freezer.',
	'sambal-bumbu': 'Diulek dari cabai segar, tanpa pengawet dan tanpa penyedap buatan. Simpan di kulkas setelah dibuka.',
	sembako: 'Kebutuhan dapur sehari-hari dengan harga warung, bisa diantar di sekitar Cigadung.',
	lainnya: 'Produk UMKM Kelurahan Cigadung.'
};

const SHELF_LIFE: Record<CategorySlug, string | null> = {
	'makanan-berat': 'Habiskan di hari yang sama',
	'camilan-keripik': '2 bulan dalam kemasan tertutup',
	kue: '1–2 hari',
	minuman: '1 hari',
	'frozen-food': '1 bulan di freezer',
	'sambal-bumbu': '1 bulan di kulkas',
	sembako: null,
	lainnya: null
};

function stableNumber(text: string, min: number, max: number): number {
	let h = 2166136261;
	for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
	return min + ((h >>> 0) % (max - min + 1));
}

/**
 * Seeds Kelurahan Cigadung with the 26 sellers of the field report (anonymous: business + initials), each
 * with its products and placeholder photos made by the real image pipeline. Runs only on an empty database.
 * The WhatsApp numbers are fictitious (62812000000NN) and every demo page says so.
 */
export async function seedDemoCommunity(services: Services, options: { photos?: boolean } = {}): Promise<void> {
	const photos = options.photos ?? true;
	const c = demo.community;
	const community = await services.communities.create(actor, {
		slug: 'cigadung',
		name: c.name,
		regionCode: c.regionCode,
		kind: c.kind as 'kelurahan',
		district: c.district,
		regency: c.regency,
		province: c.province,
		groupName: demo.group.name,
		isDemo: true
	});

	const accounts = await seedDemoAccounts(services, community);

	let index = 0;
	for (const seller of demo.sellers) {
		index++;
		const name = demoShopName(seller.business, seller.initials);
		const owner = name === 'Ketempling JJ' ? accounts.jj : name === 'Sambal MT' ? accounts.mt : null;
		const shop = await services.shops.create(actor, community, {
			name,
			businessType: seller.business,
			whatsapp: `62812000000${String(index).padStart(2, '0')}`,
			area: `RW ${String(((index - 1) % 7) + 1).padStart(2, '0')}`,
			story: `${seller.business} di Kelurahan Cigadung, anggota ${demo.group.name}. Melayani pesanan tetangga dan pelanggan sekitar Kuningan.`
		}, owner, { name: seller.initials });
		await seedShopSettings(services, shop.id, name, index);
		let productIndex = 0;
		for (const [productName, unit, price, sized] of seller.examples as DemoExample[]) {
			productIndex++;
			const category = categoryFor(productName, seller.business);
			const madeToOrder = unit === 'porsi' || /hajatan/i.test(productName);
			const product = await services.products.create(actor, shop, {
				name: productName,
				categorySlug: category,
				price,
				unit,
				madeToOrder,
				leadTimeDays: /hajatan/i.test(productName) ? 2 : 0,
				stock: madeToOrder ? null : stableNumber(productName, 4, 40),
				...(sized
					? { variantTitle: sized.title, variants: sized.sizes.map(([label, p]) => ({ label, price: p, stock: stableNumber(`${productName} ${label}`, 3, 30) })) }
					: {}),
				weightGrams: weightFor(productName, unit),
				description: `${productName} buatan ${name}, UMKM ${c.name}, Kuningan. ${SENTENCES[category]}`,
				shelfLife: SHELF_LIFE[category],
				pirt: productIndex === 1 && /ketempling|sambal|basreng|keripik/i.test(seller.business) ? `2063208010${String(index).padStart(3, '0')}-29` : null,
				halal: productIndex === 1 && index % 3 === 0 ? 'Halal (pernyataan mandiri)' : null,
				published: true
			});
			if (photos) {
				const count = productIndex === 1 && index % 4 === 0 ? 2 : 1;
				for (let v = 0; v < count; v++) {
					await services.products.addPhoto(actor, product.id, await placeholderPhoto(productName, name, v));
				}
			}
		}
	}
	await seedDemoProgram(services, community);
}

export const DEMO_PASSWORD = 'demo-cigadung-2024';

/** The README's demo logins: a coordinator, a facilitator, and the sellers of Ketempling JJ and Sambal MT. */
async function seedDemoAccounts(services: Services, community: Community) {
	const make = async (name: string, email: string, role: Role) => {
		const id = await services.auth.createUser(actor, { name, email, password: DEMO_PASSWORD });
		await services.members.addRole(actor, community, id, role);
		return id;
	};
	await make('UJ (Koordinator TKM UMKM Kharisma)', 'koordinator@cigadung.test', 'coordinator');
	await make('Pendamping Dinas Koperasi', 'pendamping@cigadung.test', 'facilitator');
	return { jj: await make('JJ', 'jj@cigadung.test', 'seller'), mt: await make('MT', 'mt@cigadung.test', 'seller') };
}



/** Delivery and payment so a buyer can try every path: Sambal MT takes QRIS (the sample, in its own name), transfer and COD. */
async function seedShopSettings(services: Services, shopId: string, name: string, index: number) {
	const transfer = name === 'Sambal MT' || index % 3 === 0;
	await services.shops.saveOnboardingStep(actor, shopId, 'pengiriman', { pickup: true, local: index % 2 === 0 || name === 'Sambal MT', localFee: 5000, localArea: 'Kelurahan Cigadung', courier: name === 'Sambal MT' });
	await services.shops.saveOnboardingStep(actor, shopId, 'pembayaran', {
		cod: true,
		transfer,
		bank: transfer ? 'BRI' : '',
		accountNumber: transfer ? `0123010${String(index).padStart(6, '0')}` : '',
		accountName: transfer ? `${name} (contoh)` : '',
		qris: name === 'Sambal MT' ? sampleQrisFor(name, 'Kab. Kuningan') : ''
	});
	await services.shops.saveOnboardingStep(actor, shopId, 'produk', {});
}
