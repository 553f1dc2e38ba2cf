import { errorResponses } from './openapi-errors';

/** OpenAPI paths of trainings, attendance, tests and the evaluation report (issue 9), spread into openapi.ts. */
const id = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } });
const staff = 'Bearer token of a coordinator or facilitator of the community; a seller or another community gets 404.';

export const trainingPaths = {
	'/programs/{programId}/trainings': {
		post: {
			security: [{ bearer: [] }],
			summary: `Create a training of the program (every member invited). ${staff}`,
			parameters: [id('programId')],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['title', 'startsAt', 'venue'],
							properties: {
								title: { type: 'string', minLength: 3, maxLength: 140 },
								startsAt: { type: 'string', description: 'ISO-8601 with offset (`2024-11-28T08:00:00Z`), or local WIB `2024-11-28T15:00`' },
								venue: { type: 'string', minLength: 3, maxLength: 140 },
								speakers: { type: 'array', items: { type: 'string' }, maxItems: 10 },
								agenda: { type: 'array', items: { type: 'string' }, maxItems: 20 }
							}
						}
					}
				}
			},
			responses: { 201: { description: '{ id, programId, title, startsAt, venue, speakers, agenda, inviteAll }' }, ...errorResponses(400, 401, 404, 422) }
		},
		get: { security: [{ bearer: [] }], summary: `Trainings of the program. ${staff}`, parameters: [id('programId')], responses: { 200: { description: '{ data: [ training ] }' }, ...errorResponses(401, 404) } }
	},
	'/trainings/{trainingId}/attendance': {
		post: {
			security: [{ bearer: [] }],
			summary: `Attendance ticks made on a phone. Each event id is applied once however often it is sent; per member the event with the latest \`at\` decides. A memberId outside the community refuses the whole batch (404, nothing applied). ${staff}`,
			parameters: [id('trainingId')],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['events'],
							properties: {
								events: {
									type: 'array',
									minItems: 1,
									maxItems: 500,
									items: { type: 'object', required: ['id', 'memberId', 'present', 'at'], properties: { id: { type: 'string', pattern: '^[A-Za-z0-9_-]{8,100}$' }, memberId: { type: 'string' }, present: { type: 'boolean' }, at: { type: 'string', format: 'date-time' } } }
								}
							}
						}
					}
				}
			},
			responses: { 200: { description: '{ applied: [eventId], duplicates: [eventId] }' }, ...errorResponses(400, 401, 404, 422) }
		},
		get: {
			security: [{ bearer: [] }],
			summary: `Who is present: invited members and anyone ticked. Invited = on the roster when the session started (member added on or before startsAt) and invited as a whole or by name; a member added later counts only once ticked present. rate = present ÷ (invited ∪ present), null when nobody is expected. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: { description: '{ data: [ { memberId, present, invited, at } ], rate, present, expected }' }, ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/scores': {
		put: {
			security: [{ bearer: [] }],
			summary: `Pre- or post-test scores typed by the facilitator (0–100; null clears one). A memberId outside the community refuses the whole list (404, nothing saved). A score (not null) for a member not marked present at this training refuses the whole list (409 not_present, the message names them, nothing saved). ${staff}`,
			parameters: [id('trainingId')],
			requestBody: {
				required: true,
				content: {
					'application/json': {
						schema: {
							type: 'object',
							required: ['kind', 'scores'],
							properties: { kind: { enum: ['pre', 'post'] }, scores: { type: 'array', items: { type: 'object', required: ['memberId', 'score'], properties: { memberId: { type: 'string' }, score: { type: ['integer', 'null'], minimum: 0, maximum: 100 } } } } }
						}
					}
				}
			},
			responses: { 200: { description: '{ saved }' }, ...errorResponses(400, 401, 404, 409, 422) }
		}
	},
	'/trainings/{trainingId}/results': {
		get: {
			security: [{ bearer: [] }],
			summary: `Pre, post and gain per member; Hake's normalised gain g = (mean post − mean pre) / (100 − mean pre) over the n members marked present who took both (null when none, or mean pre is 100; scores of members not present are listed with present: false and not counted); proportion correct per question before and after; reaction averages. Sellers never see this. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: { description: '{ members: [ { memberId, present, pre, post, gain } ], n, meanPre, meanPost, gain, questions: [ { id, topic, pre, post, nPre, nPost } ], reaction }' }, ...errorResponses(401, 404) }
		}
	},
	'/programs/{programId}/report.pdf': {
		get: {
			security: [{ bearer: [] }],
			summary: `The program's evaluation report (PDF, A4): halaman pengesahan; I Pendahuluan; II Pelaksanaan (waktu dan tempat, kegiatan, hasil: attendance, tests and gain, indicators, adoption counts, orders; kendala dan solusi); III Penutup (simpulan, rekomendasi, serah terima); lampiran daftar hadir with a signature column. ${staff}`,
			parameters: [id('programId')],
			responses: { 200: { description: 'application/pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(401, 404) }
		}
	}
} as const;
