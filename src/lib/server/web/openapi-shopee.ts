import { errorResponses, pathParam, BEARER } from './openapi-errors';
import { schemaOf } from './api-schemas/json-schema';
import { shopeeSkipped } from './api-schemas/seller';

/** OpenAPI paths of the Shopee bulk-upload export (issue 10 item 1), spread into openapi.ts. */
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const managers = "Bearer token of the shop's seller or of its community's coordinator or facilitator; anyone else gets 404.";
const skippedHeader = { 'X-Export-Skipped': { description: 'How many live products were left out because something must be fixed first', schema: { type: 'integer', minimum: 0 } } };
const fileOrList = (what: string) => ({
	200: {
		description: `${what} Rows from row 7: one per product, or one per variant (same parent SKU and variation integration number). Weight as the template states it (the built-in workbook: grams). Photos as absolute public URLs (cover + up to 8). With \`Accept: application/json\`: the products left out and why instead of the file (nothing recorded).`,
		headers: skippedHeader,
		content: { [XLSX]: { schema: { type: 'string', format: 'binary' } }, 'application/json': { schema: schemaOf(shopeeSkipped) } }
	}
});
const rules =
	"Only live (published) products. Left out, and named with what to fix: a name under 5 or over 255 characters; a description with HTML, under 20 or over 3000 characters; a price under Rp99 or over Rp150.000.000; no photo; no weight; no stock count; variants without a title, a title over 14, an option over 20 characters, or more than 20 variants. Each file handed out is recorded (the program's 'marketed on Shopee').";

export const shopeePaths = {
	'/shops/{shopId}/exports/shopee.xlsx': {
		get: {
			operationId: 'exportShopeeWorkbook',
			security: BEARER,
			summary: `The shop's products as Shopee's bulk-upload file (Seller Centre → Produk → Upload Massal), built-in workbook: sheet "Template", Shopee's keys in row 1, headers in rows 2–6. ${rules} ${managers}`,
			parameters: [pathParam('shopId')],
			responses: { ...fileOrList('The built-in workbook.'), ...errorResponses(401, 404) }
		},
		post: {
			operationId: 'fillShopeeTemplate',
			security: BEARER,
			summary: `The seller's own blank "Template Dasar" from Seller Centre, filled: columns found by the field name of their row-1 key (\`ps_product_name|1|0\` → ps_product_name), rows 1–6 and every other sheet kept, unknown columns left empty. Refused with 400 and a message (nothing recorded): not an XLSX, over 5 MB (or unpacking to too much), no Shopee keys in row 1, a weight column whose unit (gram/kg) the header rows do not state, no file. ${rules} ${managers}`,
			parameters: [pathParam('shopId')],
			requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['template'], properties: { template: { type: 'string', format: 'binary', description: '.xlsx, at most 5 MB' } } } } } },
			responses: { ...fileOrList("The seller's template, filled."), ...errorResponses(400, 401, 404) }
		}
	}
};
