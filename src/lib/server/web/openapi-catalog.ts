import { z } from 'zod';
import { errorResponses, pathParam, PUBLIC } from './openapi-errors';
import { jsonBody, jsonResponse, schemaOf } from './api-schemas/json-schema';
import { communityList, productSearchPage, shopDetail, shopList } from './api-schemas/catalog';
import { loginResult } from './api-schemas/seller';
import { catalogQuerySchema } from '../../validation/catalog';
import { checkoutSchema, idempotencyKeySchema } from '../../validation/checkout';
import { loginSchema } from '../../validation/account';

/** OpenAPI paths anyone may call: the catalog, checkouts (by their token), sign-in and this document; spread into openapi.ts. */
const CHECKOUT = { $ref: '#/components/schemas/Checkout' } as const;
const checkoutResponse = (description: string) => ({ description, content: { 'application/json': { schema: CHECKOUT } } });

/** The catalog's query parameters, straight from the zod schema the catalog page and this endpoint parse them with. */
const catalogParameters = Object.entries(catalogQuerySchema.shape).map(([name, schema]) => ({ name, in: 'query', required: false, schema: schemaOf(schema as z.ZodType, 'input') }));

const openapiDocument = z.looseObject({ openapi: z.literal('3.1.0'), info: z.looseObject({ title: z.string(), version: z.string() }), paths: z.record(z.string(), z.looseObject({})) });

export const catalogPaths = {
	'/communities': {
		get: { operationId: 'listCommunities', security: PUBLIC, summary: 'Communities on this installation', responses: { 200: jsonResponse('The communities', communityList) } }
	},
	'/communities/{slug}/products': {
		get: {
			operationId: 'searchProducts',
			security: PUBLIC,
			summary: 'Search a community catalog',
			description: 'price is the cheapest choice (with variants, the cheapest variant), priceMax the dearest; they differ when variant prices do. A bad parameter (an unknown sort, page 0, perPage over 100) is a 400.',
			parameters: [pathParam('slug'), ...catalogParameters],
			responses: { 200: jsonResponse('One page of products', productSearchPage), ...errorResponses(400, 404) }
		}
	},
	'/communities/{slug}/shops': {
		get: {
			operationId: 'listShops',
			security: PUBLIC,
			summary: 'Shops of a community',
			description: 'Only shops that show at least one product (a shop opened from the roster appears once its owner publishes one).',
			parameters: [pathParam('slug')],
			responses: { 200: jsonResponse('The shops', shopList), ...errorResponses(404) }
		}
	},
	'/communities/{slug}/shops/{shop}': {
		get: {
			operationId: 'getShop',
			security: PUBLIC,
			summary: 'One shop with its products',
			description: 'An old slug of a renamed shop answers 301 to the current one. A shop that shows no product yet answers 404.',
			parameters: [pathParam('slug'), pathParam('shop')],
			responses: {
				200: jsonResponse('The shop', shopDetail),
				301: { description: 'The shop was renamed: Location has its current address', headers: { Location: { description: 'The current address of the shop', schema: { type: 'string' } } } },
				...errorResponses(404)
			}
		}
	},
	'/communities/{slug}/checkouts': {
		post: {
			operationId: 'placeCheckout',
			security: PUBLIC,
			summary: 'Place a checkout across shops (one order per shop)',
			description:
				'Idempotency-Key header required: the same key with the same body returns the same orders with 200; with another body 422 idempotency_key_reused. Rate-limited per client address in the community and per (client address, buyer WhatsApp number) (429 with Retry-After). out_of_stock (409): error.message names the product and what is left.',
			parameters: [pathParam('slug'), { name: 'Idempotency-Key', in: 'header', required: true, schema: schemaOf(idempotencyKeySchema, 'input') }],
			requestBody: jsonBody(checkoutSchema, 'shops.{slug}.note is the note to that shop only; note is for every shop of the checkout (prefer shops.{slug}.note)'),
			responses: {
				201: checkoutResponse('The checkout: one order per shop'),
				200: checkoutResponse('The same checkout, for a repeated Idempotency-Key with the same body'),
				...errorResponses(400, 404, 409, 422, 429)
			}
		}
	},
	'/checkouts/{code}': {
		get: {
			operationId: 'getCheckout',
			security: PUBLIC,
			summary: 'A checkout with current statuses',
			description: "Public, but only with the checkout's token; a wrong token is a 404.",
			parameters: [pathParam('code'), { name: 'token', in: 'query', required: true, schema: { type: 'string' } }],
			responses: { 200: checkoutResponse("The checkout with current statuses; a cancelled order carries the seller's cancelReason"), ...errorResponses(404) }
		}
	},
	'/auth/login': {
		post: {
			operationId: 'login',
			security: PUBLIC,
			summary: 'Sign in with an e-mail or WhatsApp number',
			description: 'A wrong login or password is a 401; too many attempts a 429 with Retry-After; a body that is not two strings a 422.',
			requestBody: jsonBody(loginSchema),
			responses: { 200: jsonResponse('An API token (stored hashed, expires in 90 days)', loginResult), ...errorResponses(400, 401, 422, 429) }
		}
	},
	'/openapi.json': {
		get: {
			operationId: 'getOpenApiDocument',
			security: PUBLIC,
			summary: 'This document (OpenAPI 3.1)',
			responses: { 200: jsonResponse('The OpenAPI document', openapiDocument) }
		}
	}
};
