/**
 * A payment receipt photo (WebP) as an HTTP answer: never stored by any cache (a bank slip carries names and
 * account numbers), never sniffed as something else, shown inline.
 */
export function receiptResponse(data: Buffer, filename = 'bukti-transfer.webp'): Response {
	return new Response(new Uint8Array(data), {
		headers: {
			'content-type': 'image/webp',
			'content-length': String(data.length),
			'cache-control': 'private, no-store',
			'x-content-type-options': 'nosniff',
			'content-disposition': `inline; filename="${filename}"`
		}
	});
}
