import { translator, type Translate } from '../../i18n';
import { formatRupiah } from '../../utils/money';
import { parseQuantity } from '../../utils/quantity';
import { whatsappUrl } from '../../utils/whatsapp';
import { ORDER_CAPS } from '../orders/caps';
import { priceRangeOf } from '../catalog/product-card';

/** A variant as the product page shows it (CatalogService.getProduct). */
export interface VariantView {
	id: string;
	label: string;
	price: number;
	stock: number | null;
	available: boolean;
}

/**
 * What the buyer chose on a product page, read from the URL (`variantId`, `quantity`): the same names the
 * "Tambah ke keranjang" form posts and the "Pesan via WhatsApp" button sends with GET, so a refused choice comes
 * back to the page with the field marked and what was typed kept.
 */
export interface ProductChoice {
	/** The chosen variant, only when it belongs to this product and can be bought. */
	variant: VariantView | null;
	/** A valid quantity, or 1 when none (or a wrong one) was given. */
	quantity: number;
	/** What the quantity field shows: the typed text when it was refused, so the buyer can fix it. */
	typedQuantity: string;
	errors: { variantId?: string; quantity?: string };
}

/** The message for a refused quantity, in the buyer's language (see parseQuantity for the rule). */
export function quantityMessage(t: Translate, raw: unknown): string | null {
	const parsed = parseQuantity(raw, ORDER_CAPS.perLine);
	if (parsed.ok) return null;
	const typed = typeof raw === 'string' ? raw.trim().slice(0, 12) : '';
	return t(`field.qty.${parsed.problem}`, { typed, max: ORDER_CAPS.perLine });
}

/**
 * Reads `variantId` and `quantity` from a product page's URL. A variant id that is not one of this product's
 * buyable variants is refused (never taken from another product); an absent parameter is simply no choice yet.
 */
export function readChoice(params: URLSearchParams, variants: readonly VariantView[], t: Translate): ProductChoice {
	const errors: ProductChoice['errors'] = {};
	let variant: VariantView | null = null;
	if (params.has('variantId') && variants.length) {
		variant = variants.find((v) => v.id === params.get('variantId') && v.available) ?? null;
		if (!variant) errors.variantId = t('field.product.variantGone');
	}
	let quantity = 1;
	let typedQuantity = '1';
	if (params.has('quantity')) {
		const raw = params.get('quantity') ?? '';
		const problem = quantityMessage(t, raw);
		if (problem) {
			errors.quantity = problem;
			typedQuantity = raw.slice(0, 12);
		} else {
			quantity = Number(raw.trim());
			typedQuantity = String(quantity);
		}
	}
	return { variant, quantity, typedQuantity, errors };
}

/** The headline price: the chosen variant's, else the price range when variant prices differ, else the one price. */
export function headlinePrice(product: { price: number }, variants: readonly VariantView[], chosen: VariantView | null): string {
	if (chosen) return formatRupiah(chosen.price);
	const { min, max } = priceRangeOf(product, variants);
	return min === max ? formatRupiah(min) : `${formatRupiah(min)} – ${formatRupiah(max)}`;
}

/** The seller reads the message, so it is written in the community's language, whatever the buyer reads. */
const SELLER_LOCALE = 'id' as const;

/**
 * The wa.me link of "Pesan via WhatsApp". With a choice it names the variant, the quantity and the line total
 * and links the page with that variant chosen; without one (a sold-out product) it asks whether it is still
 * there, with the price range. The number is always the shop's own (from the database), never from the request,
 * so the link cannot be pointed anywhere else.
 */
export function productWhatsappUrl(
	shop: { name: string; whatsapp: string },
	product: { name: string; price: number; unit: string },
	variants: readonly VariantView[],
	pageUrl: string,
	choice: { variant: VariantView | null; quantity: number } | null
): string {
	const t = translator(SELLER_LOCALE);
	if (!choice || (variants.length > 0 && !choice.variant)) {
		return whatsappUrl(shop.whatsapp, t('field.product.askMessage', { shop: shop.name, product: product.name, price: headlinePrice(product, variants, null), unit: product.unit, url: pageUrl }));
	}
	const price = choice.variant?.price ?? product.price;
	const message = t('field.product.orderMessage', {
		shop: shop.name,
		quantity: choice.quantity,
		product: choice.variant ? `${product.name} (${choice.variant.label})` : product.name,
		price: formatRupiah(price),
		unit: product.unit,
		total: formatRupiah(price * choice.quantity),
		url: choice.variant ? `${pageUrl}?variantId=${encodeURIComponent(choice.variant.id)}` : pageUrl
	});
	return whatsappUrl(shop.whatsapp, message);
}
