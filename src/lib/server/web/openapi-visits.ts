import { errorResponses } from './openapi-errors';

/** OpenAPI paths of the visitor counts (issue 10 item 6), spread into openapi.ts. */
const day = {
	type: 'object',
	required: ['date', 'views', 'visitors', 'whatsappClicks', 'addToCart', 'orders'],
	properties: {
		date: { type: 'string', format: 'date', description: 'Calendar day in WIB (Asia/Jakarta)' },
		views: { type: 'integer', minimum: 0, description: 'Page views of the store pages (bots and prefetches not counted)' },
		visitors: { type: 'integer', minimum: 0, description: 'Different visitors that day (a daily salted hash of address + user agent; days cannot be linked, so visitors of several days are a sum of daily visitors)' },
		whatsappClicks: { type: 'integer', minimum: 0, description: 'Taps on the WhatsApp buttons' },
		addToCart: { type: 'integer', minimum: 0, description: 'Products put in a cart' },
		orders: { type: 'integer', minimum: 0, description: 'Orders placed (any status)' }
	}
};
const stats = {
	type: 'object',
	required: ['days', 'sources', 'countedSince'],
	properties: {
		countedSince: {
			type: ['string', 'null'],
			format: 'date',
			description: 'The first day (WIB) this installation counted visits, when it falls inside the period: days before it are zeros because nothing was counted yet. null when the whole period was counted.'
		},
		days: { type: 'array', items: day, description: 'Every day of the period, oldest first, today last (days without visits are zeros)' },
		sources: {
			type: 'object',
			description: "Visitors per source over the period: `?src=` on the link, else the referring site (search engines → search, Facebook/Instagram/TikTok/t.co → social, wa.me/WhatsApp → whatsapp, Shopee → shopee), else direct. A page opened from another of our pages keeps the visitor's source of that day.",
			properties: Object.fromEntries(['whatsapp', 'poster', 'shopee', 'search', 'social', 'direct'].map((s) => [s, { type: 'integer', minimum: 0 }]))
		}
	}
};
const days = { name: 'days', in: 'query', required: false, schema: { type: 'integer', minimum: 1, maximum: 90, default: 30 }, description: 'How many days up to today (WIB); anything but a whole number 1–90 is a 400 with a message' };

export const visitPaths = {
	'/shops/{shopId}/stats': {
		get: {
			security: [{ bearer: [] }],
			summary: "A shop's visitors and funnel per day: views, visitors, WhatsApp clicks, add to cart, orders; visitors per source. Counts its shop page and its product pages. No cookies, no raw address stored. Bearer token of the shop's seller or of its community's coordinator or facilitator; anyone else gets 404.",
			parameters: [{ name: 'shopId', in: 'path', required: true, schema: { type: 'string' } }, days],
			responses: { 200: { description: 'The numbers', content: { 'application/json': { schema: stats } } }, ...errorResponses(400, 401, 404) }
		}
	},
	'/communities/{slug}/stats': {
		get: {
			security: [{ bearer: [] }],
			summary: "A community's visitors and funnel per day (its catalog and every shop and product page), with visitors per source. Bearer token of the community's coordinator or facilitator; anyone else gets 404.",
			parameters: [{ name: 'slug', in: 'path', required: true, schema: { type: 'string' } }, days],
			responses: { 200: { description: 'The numbers', content: { 'application/json': { schema: stats } } }, ...errorResponses(400, 401, 404) }
		}
	}
};
