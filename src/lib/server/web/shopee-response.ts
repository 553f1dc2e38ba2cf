import { json, type RequestEvent } from '@sveltejs/kit';
import { translator, type Locale, type Translate } from '../../i18n';
import { loadConfig } from '../config';
import { ValidationError } from '../errors';
import type { ShopeeSkipped } from '../reach/shopee-export.service';
import { MAX_TEMPLATE_BYTES } from '../reach/shopee-workbook';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The origin Shopee fetches photos from: the configured ORIGIN (the public address), else the request's own.
 * Shopee's servers cannot reach a relative path or a phone's local address.
 */
export function shopeeOrigin(url: URL): string {
	return loadConfig().publicOrigin ?? url.origin;
}

/** The skipped products in the seller's language: `{ productId, name, reasons, codes }`. */
export function skippedJson(t: Translate, skipped: ShopeeSkipped[]) {
	return skipped.map((s) => ({ productId: s.productId, name: s.name, reasons: s.problems.map((p) => t(p.messageKey, p.params)), codes: s.problems.map((p) => p.code) }));
}

/** Reads a request body to its end without keeping it (the server's BODY_SIZE_LIMIT still ends a longer one). */
async function drain(request: Request): Promise<void> {
	const reader = request.body?.getReader();
	if (!reader) return;
	try {
		for (;;) if ((await reader.read()).done) return;
	} catch {
		/* cut off by the body limit: nothing more to read */
	}
}

/** The uploaded `template` file of a multipart form, size-checked before it is read into memory twice. */
export async function readTemplateUpload(request: Request): Promise<Uint8Array> {
	const refuse = (key: 'shopee.template.missing' | 'shopee.template.tooBig' | 'shopee.template.notXlsx') => new ValidationError(key, {}, [{ field: 'template', messageKey: key, params: {} }], 400);
	if (Number(request.headers.get('content-length') ?? 0) > MAX_TEMPLATE_BYTES + 64 * 1024) {
		// read the rest and drop it: a browser still sending gets no answer at all (connection reset) otherwise
		await drain(request);
		throw refuse('shopee.template.tooBig');
	}
	let form: FormData;
	try {
		form = await request.formData();
	} catch (e) {
		const status = (e as { status?: number })?.status ?? (e as { cause?: { status?: number } })?.cause?.status;
		throw refuse(status === 413 ? 'shopee.template.tooBig' : 'shopee.template.missing');
	}
	const file = form.get('template');
	if (!(file instanceof File) || file.size === 0) throw refuse('shopee.template.missing');
	if (file.size > MAX_TEMPLATE_BYTES) throw refuse('shopee.template.tooBig');
	return new Uint8Array(await file.arrayBuffer());
}

/**
 * Answers a Shopee export request: the XLSX (with the number of products left out in `X-Export-Skipped`), or, when
 * the client asks for JSON, the list of products left out and why — a look before downloading, nothing recorded.
 */
export async function shopeeExportResponse(event: Pick<RequestEvent, 'locals' | 'request' | 'url'>, shopId: string, template?: Uint8Array): Promise<Response> {
	const { locals, request, url } = event;
	const wantsJson = (request.headers.get('accept') ?? '').includes('application/json');
	const made = await locals.services.shopeeExports.exportFile(locals.actor, shopId, shopeeOrigin(url), template, { record: !wantsJson });
	const t = translator(locals.locale as Locale);
	const headers = { 'x-export-skipped': String(made.skipped.length), 'cache-control': 'private, no-store' };
	if (wantsJson) return json({ exported: made.exported, skipped: skippedJson(t, made.skipped) }, { headers });
	return new Response(new Uint8Array(made.file), {
		headers: { ...headers, 'content-type': XLSX, 'content-disposition': `attachment; filename="${made.fileName}"`, 'x-content-type-options': 'nosniff' }
	});
}
