import { errorResponses, pathParam, BEARER } from './openapi-errors';
import { jsonBody, jsonResponse } from './api-schemas/json-schema';
import { myShops, photoUpload, productDetail, sellerProduct, sellerProductList } from './api-schemas/seller';
import { newProductSchema, productPatchSchema } from '../../validation/product';

/** OpenAPI paths of a seller's shops, products and photos, spread into openapi.ts. */
const managers = "Bearer token of the shop's seller or of its community's coordinator or facilitator; anyone else gets 404.";

export const sellerPaths = {
	'/me/shops': {
		get: { operationId: 'listMyShops', security: BEARER, summary: "The caller's shops", responses: { 200: jsonResponse('The shops the caller owns', myShops), ...errorResponses(401) } }
	},
	'/shops/{shopId}/products': {
		get: {
			operationId: 'listShopProducts',
			security: BEARER,
			summary: "A shop's products for its seller",
			description: managers,
			parameters: [pathParam('shopId')],
			responses: { 200: jsonResponse('Every product of the shop with its listing score', sellerProductList), ...errorResponses(401, 404) }
		},
		post: {
			operationId: 'createProduct',
			security: BEARER,
			summary: 'Create a product (draft unless published: true)',
			description: managers,
			parameters: [pathParam('shopId')],
			requestBody: jsonBody(newProductSchema),
			responses: { 201: jsonResponse('The product', sellerProduct), ...errorResponses(400, 401, 404, 422) }
		}
	},
	'/products/{productId}': {
		get: {
			operationId: 'getProduct',
			security: BEARER,
			summary: 'A product with variants, photos and listing score',
			description: managers,
			parameters: [pathParam('productId')],
			responses: { 200: jsonResponse('The product', productDetail), ...errorResponses(401, 404) }
		},
		patch: {
			operationId: 'updateProduct',
			security: BEARER,
			summary: 'Change any editable field',
			description: `Including stock, price and published. ${managers}`,
			parameters: [pathParam('productId')],
			requestBody: jsonBody(productPatchSchema),
			responses: { 200: jsonResponse('The product', sellerProduct), ...errorResponses(400, 401, 404, 422) }
		},
		delete: {
			operationId: 'archiveProduct',
			security: BEARER,
			summary: 'Archive the product',
			description: `Never a hard delete: orders keep pointing at it. ${managers}`,
			parameters: [pathParam('productId')],
			responses: { 200: jsonResponse('The archived product', sellerProduct), ...errorResponses(401, 404) }
		}
	},
	'/products/{productId}/photos': {
		post: {
			operationId: 'uploadProductPhoto',
			security: BEARER,
			summary: 'Upload a photo (JPEG, PNG, WebP, HEIC; ≤ 15 MB; ≤ 50 MP)',
			description: managers,
			parameters: [pathParam('productId')],
			requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' } } } } } },
			responses: { 201: jsonResponse('Its WebP variants and plain-words coaching hints', photoUpload), ...errorResponses(400, 401, 404, 413, 422) }
		}
	}
};
