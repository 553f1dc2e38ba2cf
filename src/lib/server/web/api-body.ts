import { ValidationError } from '../errors';

/** Reads a JSON body; anything that is not a JSON object (or over 256 KB) is a 400 with a clear message. */
export async function readJson(request: Request): Promise<Record<string, unknown>> {
	const length = Number(request.headers.get('content-length') ?? 0);
	if (length > 256 * 1024) throw new ValidationError('api.bodyTooLarge', {}, [], 413);
	let text: string;
	try {
		text = await request.text();
	} catch {
		throw new ValidationError('api.badJson', {}, [], 400);
	}
	if (text.length > 256 * 1024) throw new ValidationError('api.bodyTooLarge', {}, [], 413);
	try {
		const value = JSON.parse(text);
		if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
	} catch {
		/* fall through */
	}
	throw new ValidationError('api.badJson', {}, [], 400);
}

/** The product as the API shows it to its seller. */
export function productJson(p: { id: string; slug: string; name: string; category_slug: string; price: number; unit: string; stock: number | null; made_to_order: number; lead_time_days: number; weight_grams: number | null; description: string; status: string; shop_id: string }) {
	return {
		id: p.id,
		slug: p.slug,
		shopId: p.shop_id,
		name: p.name,
		category: p.category_slug,
		price: p.price,
		unit: p.unit,
		stock: p.stock,
		madeToOrder: p.made_to_order === 1,
		leadTimeDays: p.lead_time_days,
		weightGrams: p.weight_grams,
		description: p.description,
		status: p.status,
		published: p.status === 'published'
	};
}
