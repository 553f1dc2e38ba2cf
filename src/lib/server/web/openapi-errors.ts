/** The API's one error response (components.responses.Error in openapi.ts): `{ error: { code, message, details? } }`. */
const ERROR = { $ref: '#/components/responses/Error' } as const;

/**
 * The error statuses an operation can answer, each pointing at the one shared error response:
 * `errorResponses(400, 404)` is `{ 400: Error, 404: Error }`. openapi.ts and openapi-training.ts both spread it
 * into their `responses`, so every path describes its errors the same way.
 */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ERROR> {
	return Object.fromEntries(statuses.map((status) => [status, ERROR])) as Record<S, typeof ERROR>;
}
