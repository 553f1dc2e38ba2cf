import { errorResponses } from './openapi-errors';

/** OpenAPI paths of the training board and its board links (issue 13), spread into openapi.ts. */
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const staff = 'Bearer token of a coordinator or facilitator of the community; a seller or another community gets 404.';
const STEPS = ['invited', 'hadir', 'akun', 'toko', 'foto', 'tayang'];

const board = {
	type: 'object',
	required: ['members', 'counts'],
	properties: {
		members: {
			type: 'array',
			description: "The training's invited members (every member of the community when it has no list), plus anyone marked present; in roster order. First names only — no phone number, full name or score; when two shown first names are the same, each gets the public shop name (U · Sate Ayam U), else the initial of the next word (Siti R.), else a number (U (2)).",
			items: {
				type: 'object',
				required: ['memberId', 'firstName', 'step', 'present', 'help'],
				properties: {
					memberId: { type: 'string' },
					firstName: { type: 'string', description: 'First word of the name after a form of address (Ibu, Pak, Kang…), told apart when two are the same: shop name, else next initial, else a number.' },
					step: {
						enum: STEPS,
						description:
							'A chain: the furthest step reached with every earlier step reached too — invited → hadir (marked present at THIS training) → akun (set a password) → toko (shop profile complete) → foto (a product with a photo) → tayang (a published product with a photo). A member not present stays at invited whatever their shop already has; one who was selling online before and checks in with a password and a complete profile goes straight to tayang.'
					},
					present: { type: 'boolean', description: 'Marked present at this training.' },
					help: { type: 'boolean', description: 'The member has raised a "minta bantuan" flag from their phone that no facilitator has cleared yet (no text: nothing private on the projector).' }
				}
			}
		},
		counts: { type: 'object', description: 'How many members have REACHED each step along the chain (their step is this one or later), so the counts never rise from left to right: invited = everyone on the board, hadir = present, akun = present with a password, …, tayang = present, password, complete profile, photo and a published product. The board headline "N dari M" is tayang of invited.', properties: Object.fromEntries(STEPS.map((s) => [s, { type: 'integer' }])) }
	}
} as const;

const events = {
	description:
		'`text/event-stream`: an `event: board` whose data is the board JSON at once, then within ~1–2 s of any member’s step changing (one poll per training however many screens watch it); a comment line every ~20 s; the stream ends when the board link expires.',
	content: { 'text/event-stream': { schema: { type: 'string' } } }
} as const;

export const boardPaths = {
	'/trainings/{trainingId}/board': {
		get: {
			security: [{ bearer: [] }],
			summary: `The training board: each invited member's first name and step, and how many have reached each step. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: { description: 'The board', content: { 'application/json': { schema: board } } }, ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/board/events': {
		get: {
			security: [{ bearer: [] }],
			summary: `The board as Server-Sent Events. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: events, ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/board-links': {
		post: {
			security: [{ bearer: [] }],
			summary: `A board link: opens the board without a login (for the projector laptop), read-only, until 24.00 WIB of the training day. The token is random (256 bits) and shown once; only its SHA-256 is stored. The link's URL with \`Accept: application/json\` gives the board JSON, and \`<url>/events\` its Server-Sent Events; an unknown or expired link, or its token with another training's id, gets 404. ${staff} A training whose day is over gets 409 \`training_day_over\`.`,
			parameters: [id('trainingId')],
			responses: {
				201: {
					description: 'The link',
					content: { 'application/json': { schema: { type: 'object', required: ['url', 'expiresAt'], properties: { url: { type: 'string', format: 'uri', description: '`<origin>/papan/<trainingId>/<token>`' }, expiresAt: { type: 'string', format: 'date-time' } } } } }
				},
				...errorResponses(401, 404, 409)
			}
		}
	}
} as const;
