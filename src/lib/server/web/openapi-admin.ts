import { errorResponses, BEARER, PUBLIC } from './openapi-errors';
import { jsonBody, jsonResponse } from './api-schemas/json-schema';
import { createdCommunity, regionList } from './api-schemas/admin';
import { adminCommunitySchema } from '../../validation/admin';
import { PARENT_REGION_CODE } from '../../validation/region';

/** OpenAPI paths of official regions and platform administration (issue 12), spread into openapi.ts. */
export const adminPaths = {
	'/admin/communities': {
		post: {
			security: BEARER,
			operationId: 'createCommunity',
			summary: 'Create a community for one official kelurahan/desa (platform admin only; anyone else gets 404)',
			description: 'District, regency/city and province names are taken from the region table, never typed. One community per kelurahan/desa: 409 `region_taken` when the code already has one, 409 `slug_taken` for a used slug. Recorded in the audit log.',
			requestBody: jsonBody(adminCommunitySchema, 'regionCode: a kelurahan (…1xxx) or desa (…2xxx) code from GET /regions'),
			responses: {
				201: jsonResponse('Created', createdCommunity),
				...errorResponses(400, 404, 409)
			}
		}
	},
	'/regions': {
		get: {
			security: PUBLIC,
			operationId: 'listRegions',
			summary: 'Official regions one level below a parent (Kemendagri codes, from the idn-area-data package loaded by `npm run ecrav -- load-regions`)',
			description: 'Without `parent`: the provinces. Sorted by name. Public and cacheable (Cache-Control: public, max-age=86400). Empty until the installation has loaded the regions.',
			parameters: [{ name: 'parent', in: 'query', required: false, schema: { type: 'string', pattern: PARENT_REGION_CODE.source }, description: 'A province, regency/city or district code; anything else is a 400, an unknown code a 404' }],
			responses: {
				200: jsonResponse('The regions', regionList),
				...errorResponses(400, 404)
			}
		}
	}
};
