import { errorResponses, pathParam as id, BEARER } from './openapi-errors';
import { jsonBody, jsonResponse } from './api-schemas/json-schema';
import { attendance, attendanceApplied, scoresSaved, testResults, training, trainingList } from './api-schemas/training';
import { attendanceBatchSchema, scoresSchema, trainingSchema } from '../../validation/training';

/** OpenAPI paths of trainings, attendance, tests and the evaluation report (issue 9), spread into openapi.ts. */
const staff = 'Bearer token of a coordinator or facilitator of the community; a seller or another community gets 404.';

export const trainingPaths = {
	'/programs/{programId}/trainings': {
		post: {
			operationId: 'createTraining',
			security: BEARER,
			summary: `Create a training of the program (every member invited). ${staff}`,
			parameters: [id('programId')],
			requestBody: jsonBody(trainingSchema, 'startsAt: ISO-8601 with offset (`2024-11-28T08:00:00Z`), or local WIB `2024-11-28T15:00`'),
			responses: { 201: jsonResponse('The training', training), ...errorResponses(400, 401, 404, 422) }
		},
		get: { operationId: 'listTrainings', security: BEARER, summary: `Trainings of the program. ${staff}`, parameters: [id('programId')], responses: { 200: jsonResponse('The trainings', trainingList), ...errorResponses(401, 404) } }
	},
	'/trainings/{trainingId}/attendance': {
		post: {
			operationId: 'recordAttendance',
			security: BEARER,
			summary: `Attendance ticks made on a phone. Each event id is applied once however often it is sent; per member the event with the latest \`at\` decides. A memberId outside the community refuses the whole batch (404, nothing applied). ${staff}`,
			parameters: [id('trainingId')],
			requestBody: jsonBody(attendanceBatchSchema),
			responses: { 200: jsonResponse('Which events were applied now and which before', attendanceApplied), ...errorResponses(400, 401, 404, 422) }
		},
		get: {
			operationId: 'getAttendance',
			security: BEARER,
			summary: `Who is present: invited members and anyone ticked. Invited = on the roster when the session started (member added on or before startsAt) and invited as a whole or by name; a member added later counts only once ticked present. rate = present ÷ (invited ∪ present), null when nobody is expected. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: jsonResponse('Attendance', attendance), ...errorResponses(401, 404) }
		}
	},
	'/trainings/{trainingId}/scores': {
		put: {
			operationId: 'setTestScores',
			security: BEARER,
			summary: `Pre- or post-test scores typed by the facilitator (0–100; null clears one). A memberId outside the community refuses the whole list (404, nothing saved). A score (not null) for a member not marked present at this training refuses the whole list (409 not_present, the message names them, nothing saved). ${staff}`,
			parameters: [id('trainingId')],
			requestBody: jsonBody(scoresSchema),
			responses: { 200: jsonResponse('How many scores were saved', scoresSaved), ...errorResponses(400, 401, 404, 409, 422) }
		}
	},
	'/trainings/{trainingId}/results': {
		get: {
			operationId: 'getTestResults',
			security: BEARER,
			summary: `Pre, post and gain per member; Hake's normalised gain g = (mean post − mean pre) / (100 − mean pre) over the n members marked present who took both (null when none, or mean pre is 100; scores of members not present are listed with present: false and not counted); proportion correct per question before and after; reaction averages. Sellers never see this. ${staff}`,
			parameters: [id('trainingId')],
			responses: { 200: jsonResponse('Test results and reactions', testResults), ...errorResponses(401, 404) }
		}
	},
	'/programs/{programId}/report.pdf': {
		get: {
			operationId: 'getProgramReport',
			security: BEARER,
			summary: `The program's evaluation report (PDF, A4): halaman pengesahan; I Pendahuluan; II Pelaksanaan (waktu dan tempat, kegiatan, hasil: attendance, tests and gain, indicators, adoption counts, orders; kendala dan solusi); III Penutup (simpulan, rekomendasi, serah terima); lampiran daftar hadir with a signature column. ${staff}`,
			parameters: [id('programId')],
			responses: { 200: { description: 'application/pdf', content: { 'application/pdf': { schema: { type: 'string', format: 'binary' } } } }, ...errorResponses(401, 404) }
		}
	}
};
