/**
 * Serialises structured data for a `<script type="application/ld+json">` element. Every `<`, `>` and `&`
 * (and the JS line separators) is escaped, so text from sellers can never close the script element.
 */
export function jsonLdScript(data: unknown): string {
	const body = JSON.stringify(data)
		.replace(/</g, '\\u003c')
		.replace(/>/g, '\\u003e')
		.replace(/&/g, '\\u0026')
		.replace(/\u2028/g, '\\u2028')
		.replace(/\u2029/g, '\\u2029');
	return `<script type="application/ld+json">${body}</script>`;
}
