import { errorResponses } from './openapi-errors';

/** OpenAPI paths of official regions and platform administration (issue 12), spread into openapi.ts. */
const region = {
	type: 'object',
	required: ['code', 'name', 'level'],
	properties: {
		code: { type: 'string', description: 'Kemendagri code: `32` province, `32.08` regency/city, `32.08.18` district, `32.08.18.1002` kelurahan (4th part starts with 1) or desa (2)' },
		name: { type: 'string' },
		level: { enum: ['province', 'regency', 'district', 'village'] }
	}
};

const adminCommunity = {
	type: 'object',
	required: ['slug', 'name', 'regionCode', 'kind', 'district', 'regency', 'province', 'url'],
	properties: {
		slug: { type: 'string' },
		name: { type: 'string' },
		regionCode: { type: 'string' },
		kind: { enum: ['kelurahan', 'desa'] },
		district: { type: 'string' },
		regency: { type: 'string' },
		province: { type: 'string' },
		url: { type: 'string', format: 'uri' }
	}
};

export const adminPaths = {
	'/admin/communities': {
		post: {
			security: [{ bearer: [] }],
			operationId: 'createCommunity',
			summary: 'Create a community for one official kelurahan/desa (platform admin only; anyone else gets 404)',
			description: 'District, regency/city and province names are taken from the region table, never typed. One community per kelurahan/desa: 409 `region_taken` when the code already has one, 409 `slug_taken` for a used slug. Recorded in the audit log.',
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['regionCode', 'name', 'slug'],
							properties: {
								regionCode: { type: 'string', pattern: '^\\d{2}\\.\\d{2}\\.\\d{2}\\.[12]\\d{3}$', description: 'A kelurahan (…1xxx) or desa (…2xxx) code from GET /regions' },
								name: { type: 'string', minLength: 3, maxLength: 120 },
								slug: { type: 'string', minLength: 2, maxLength: 60, pattern: '^[a-z0-9]+(-[a-z0-9]+)*$' }
							}
						}
					}
				}
			},
			responses: {
				201: { description: 'Created', content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: adminCommunity } } } } },
				...errorResponses(400, 404, 409)
			}
		}
	},
	'/regions': {
		get: {
			security: [],
			operationId: 'listRegions',
			summary: 'Official regions one level below a parent (Kemendagri codes, from the idn-area-data package loaded by `npm run ecrav -- load-regions`)',
			description: 'Without `parent`: the provinces. Sorted by name. Public and cacheable (Cache-Control: public, max-age=86400). Empty until the installation has loaded the regions.',
			parameters: [{ name: 'parent', in: 'query', required: false, schema: { type: 'string', pattern: '^\\d{2}(\\.\\d{2}){0,2}$' }, description: 'A province, regency/city or district code; anything else is a 400, an unknown code a 404' }],
			responses: {
				200: { description: 'The regions', content: { 'application/json': { schema: { type: 'object', required: ['data'], properties: { data: { type: 'array', items: region } } } } } },
				...errorResponses(400, 404)
			}
		}
	}
};
