import { errorResponses, pathParam as id, BEARER } from './openapi-errors';
import { jsonResponse } from './api-schemas/json-schema';
import { board, boardLink } from './api-schemas/training';

/** OpenAPI paths of the training board and its board links (issue 13), spread into openapi.ts. */
const staff = 'Bearer token of a coordinator or facilitator of the community; a seller or another community gets 404.';
const events = {
	description:
		'`text/event-stream`: an `event: board` whose data is the board JSON at once, then within ~1–2 s of any member’s step changing (one poll per training however many screens watch it); a comment line every ~20 s; the stream ends when the board link expires.',
	content: { 'text/event-stream': { schema: { type: 'string' } } }
} as const;

export const boardPaths = {
	'/trainings/{trainingId}/board': {
		get: {
			operationId: 'getTrainingBoard',
			security: BEARER,
			summary: `The training board: each invited member's first name and step, and how many have reached each step. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: jsonResponse('The board', board), ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/board/events': {
		get: {
			operationId: 'streamTrainingBoard',
			security: BEARER,
			summary: `The board as Server-Sent Events. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: events, ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/board-links': {
		post: {
			operationId: 'createBoardLink',
			security: BEARER,
			summary: `A board link: opens the board without a login (for the projector laptop), read-only, until 24.00 WIB of the training day. The token is random (256 bits) and shown once; only its SHA-256 is stored. The link's URL with \`Accept: application/json\` gives the board JSON, and \`<url>/events\` its Server-Sent Events; an unknown or expired link, or its token with another training's id, gets 404. ${staff} A training whose day is over gets 409 \`training_day_over\`.`,
			parameters: [id('trainingId')],
			responses: {
				201: jsonResponse('The link', boardLink),
				...errorResponses(401, 404, 409)
			}
		}
	}
};
