import type { MessageKey } from '../../i18n';

/**
 * The figures E-Crav computes itself for a program's community, each on every request from current rows
 * (a product published a second ago already counts). A program's automatic indicators point at one of
 * these; every new program gets one indicator per metric so the API always answers every key.
 */
export const METRICS = [
	'members',
	'accounts_set_up',
	'shops_ready',
	'shops_selling',
	'products_published',
	'listing_quality',
	'orders_30d',
	'turnover_30d',
	'attendance_rate',
	'knowledge_gain',
	'income_monthly',
	'profit_monthly',
	'shops_on_shopee',
	'visitors_30d'
] as const;
export type MetricKey = (typeof METRICS)[number];

export function isMetric(key: string | null | undefined): key is MetricKey {
	return !!key && (METRICS as readonly string[]).includes(key);
}

/** Label and unit in Bahasa Indonesia, written into a new program's indicator rows (editable afterwards). */
export const METRIC_DEFAULTS: Record<MetricKey, { label: string; unit: string }> = {
	members: { label: 'Anggota (pelaku UMKM) terdaftar', unit: 'orang' },
	accounts_set_up: { label: 'Anggota yang sudah membuat akun', unit: 'orang' },
	shops_ready: { label: 'Toko siap berjualan (profil toko lengkap)', unit: 'toko' },
	shops_selling: { label: 'Toko dengan produk tayang', unit: 'toko' },
	products_published: { label: 'Produk tayang di katalog', unit: 'produk' },
	listing_quality: { label: 'Rata-rata skor kualitas produk', unit: 'skor (0–100)' },
	orders_30d: { label: 'Pesanan masuk 30 hari terakhir masa program (tidak dibatalkan)', unit: 'pesanan' },
	turnover_30d: { label: 'Omzet 30 hari terakhir masa program (pesanan selesai)', unit: 'rupiah' },
	attendance_rate: { label: 'Tingkat kehadiran pelatihan', unit: '%' },
	knowledge_gain: { label: 'Peningkatan pengetahuan (gain ternormalisasi)', unit: 'g' },
	income_monthly: { label: 'Pemasukan sebulan toko yang berbagi buku kas', unit: 'rupiah' },
	profit_monthly: { label: 'Untung sebulan toko yang berbagi buku kas', unit: 'rupiah' },
	shops_on_shopee: { label: 'Toko yang produknya masuk Shopee (file Upload Massal dari E-Crav)', unit: 'toko' },
	visitors_30d: { label: 'Pengunjung toko 30 hari terakhir masa program', unit: 'pengunjung' }
};

export const METRIC_LABEL_KEYS: Record<MetricKey, MessageKey> = {
	members: 'program.metric.members',
	accounts_set_up: 'program.metric.accounts_set_up',
	shops_ready: 'program.metric.shops_ready',
	shops_selling: 'program.metric.shops_selling',
	products_published: 'program.metric.products_published',
	listing_quality: 'program.metric.listing_quality',
	orders_30d: 'program.metric.orders_30d',
	turnover_30d: 'program.metric.turnover_30d',
	attendance_rate: 'program.metric.attendance_rate',
	knowledge_gain: 'program.metric.knowledge_gain',
	income_monthly: 'program.metric.income_monthly',
	profit_monthly: 'program.metric.profit_monthly',
	shops_on_shopee: 'program.metric.shops_on_shopee',
	visitors_30d: 'program.metric.visitors_30d'
};

export type MetricValues = Record<MetricKey, number | null>;
