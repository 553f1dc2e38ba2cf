import { errorResponses, pathParam, BEARER } from './openapi-errors';
import { jsonResponse } from './api-schemas/json-schema';
import { visitorStats } from './api-schemas/program';

/** OpenAPI paths of the visitor counts (issue 10 item 6), spread into openapi.ts. */
const days = { name: 'days', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 90, default: 30 }, description: 'How many days up to today (WIB); anything but a whole number 1–90 is a 400 with a message' };

export const visitPaths = {
	'/shops/{shopId}/stats': {
		get: {
			operationId: 'getShopStats',
			security: BEARER,
			summary: "A shop's visitors and funnel per day: views, visitors, WhatsApp clicks, add to cart, orders; visitors per source. Counts its shop page and its product pages. No cookies, no raw address stored. Bearer token of the shop's seller or of its community's coordinator or facilitator; anyone else gets 404.",
			parameters: [pathParam('shopId'), days],
			responses: { 200: jsonResponse('The numbers', visitorStats), ...errorResponses(400, 401, 404) }
		}
	},
	'/communities/{slug}/stats': {
		get: {
			operationId: 'getCommunityStats',
			security: BEARER,
			summary: "A community's visitors and funnel per day (its catalog and every shop and product page), with visitors per source. Bearer token of the community's coordinator or facilitator; anyone else gets 404.",
			parameters: [pathParam('slug'), days],
			responses: { 200: jsonResponse('The numbers', visitorStats), ...errorResponses(400, 401, 404) }
		}
	}
};
