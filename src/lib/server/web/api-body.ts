import type { Product } from '../db/schema';
import { productDto } from '../catalog/product-card';
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

/** The product as the API shows it to its seller (`category` kept as the public API names it). */
export function productJson(p: Product, variants: readonly { stock: number | null }[]) {
	const dto = productDto(p, variants);
	return { ...dto, category: dto.categorySlug };
}
