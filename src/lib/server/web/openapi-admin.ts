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

export const adminPaths = {
	'/regions': {
		get: {
			security: [],
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
