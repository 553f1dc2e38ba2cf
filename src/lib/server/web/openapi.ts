import { trainingPaths } from './openapi-training';
import { boardPaths } from './openapi-board';
import { cashbookPaths } from './openapi-cashbook';
import { shopeePaths } from './openapi-shopee';
import { visitPaths } from './openapi-visits';
import { adminPaths } from './openapi-admin';
import { orderDebtPaths } from './openapi-orders-debts';
import { catalogPaths } from './openapi-catalog';
import { sellerPaths } from './openapi-seller';
import { programPaths } from './openapi-program';
import { jsonResponse, schemaOf, apiError } from './api-schemas/json-schema';
import { checkout } from './api-schemas/orders';
import { BEARER } from './openapi-errors';

/**
 * OpenAPI 3.1 description of /api/v1, served at /api/v1/openapi.json. Every response body and every JSON request
 * body is generated from zod (src/lib/server/web/api-schemas/*, src/lib/validation/*); tests/db/openapi-responses
 * checks real answers of every operation against it and tests/db/openapi-lint lints it with Redocly.
 */
export const openapi = {
	openapi: '3.1.0',
	info: {
		title: 'E-Crav API',
		version: '1.0.0',
		license: { name: 'MIT', identifier: 'MIT' },
		description:
			'Community catalogs of village micro food sellers. Money is integer rupiah; times are ISO-8601 UTC. Messages follow Accept-Language (id default, en). Every error is `{ "error": { "code", "message" } }`, also 405 `method_not_allowed` (with an `Allow` header) for a method a path does not have.'
	},
	servers: [{ url: '/api/v1' }],
	security: BEARER,
	components: {
		securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'Token from POST /auth/login (stored hashed, expires in 90 days).' } },
		responses: {
			Error: jsonResponse(
				"An error: 400/422 bad input, 401 not signed in, 403 not allowed, 404 unknown (or another shop's), 405 a method the path does not have (with Allow), 409 a conflict, 413 too large, 429 too many attempts (with Retry-After).",
				apiError
			)
		},
		schemas: { Checkout: schemaOf(checkout) }
	},
	paths: {
		...catalogPaths,
		...sellerPaths,
		...programPaths,
		...trainingPaths,
		...boardPaths,
		...cashbookPaths,
		...shopeePaths,
		...visitPaths,
		...adminPaths,
		...orderDebtPaths
	}
};
