import { errorResponses, pathParam, BEARER } from './openapi-errors';
import { jsonResponse } from './api-schemas/json-schema';
import { funnel, indicatorList, programList } from './api-schemas/program';

/** OpenAPI paths of a community's programs: their stages, adoption funnel and indicators; spread into openapi.ts. */
const staff = 'Coordinator or facilitator of the community; a seller or anyone else gets 404.';

export const programPaths = {
	'/communities/{slug}/programs': {
		get: {
			operationId: 'listPrograms',
			security: BEARER,
			summary: "The community's programs with their seven stages",
			description: staff,
			parameters: [pathParam('slug')],
			responses: { 200: jsonResponse('Programs, newest first', programList), ...errorResponses(401, 404) }
		}
	},
	'/programs/{programId}/funnel': {
		get: {
			operationId: 'getAdoptionFunnel',
			security: BEARER,
			summary: "Adoption funnel of the program's community, computed from live data",
			description: `Each member stands at the last level reached in order; first_visitor = the first WIB day the shop had a counted visitor, or its first order if earlier; \`skipped\` is empty since visitors are counted. ${staff}`,
			parameters: [pathParam('programId')],
			responses: { 200: jsonResponse('Members with their level, and how many stand at each level', funnel), ...errorResponses(401, 404) }
		}
	},
	'/programs/{programId}/indicators': {
		get: {
			operationId: 'listIndicators',
			security: BEARER,
			summary: 'Indicators of a program with baseline, target and the value now',
			description: `Automatic ones are computed on each request from current data (members, accounts_set_up, shops_ready, shops_selling, products_published, listing_quality, shops_ready = the adoption funnel count of complete shop profiles, orders_30d = orders placed in the last 30 days of the program period (its start up to its end or now, whichever is earlier) and not cancelled, turnover_30d = the sum in rupiah of those of them that are completed (status selesai), attendance_rate in %, knowledge_gain = normalised gain g, shops_on_shopee = shops with at least one Shopee bulk-upload file of one product or more made through E-Crav (before the end of the program), visitors_30d = daily visitors of the community (visitor counts, no cookies) summed over the last 30 WIB days of the program period, income_monthly / profit_monthly = the rupiah income and profit (income − expense; withdrawals by the owner and capital never count) in one WIB month — the last month of a finished program, the last complete month of a running one — summed over the shops of the community that agreed to share their cash-book monthly totals (no single entry ever), null when no shop shares; these two items also carry month (YYYY-MM) and sharingShops); manual ones give their latest dated entry. null = no data yet. ${staff}`,
			parameters: [pathParam('programId')],
			responses: { 200: jsonResponse("Indicators in the plan's order", indicatorList), ...errorResponses(401, 404) }
		}
	}
};
