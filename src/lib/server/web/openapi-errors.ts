/** The API's one error response (components.responses.Error in openapi.ts): `{ error: { code, message, details? } }`. */
const ERROR = { $ref: '#/components/responses/Error' } as const;

/**
 * The error statuses an operation can answer, each pointing at the one shared error response:
 * `errorResponses(400, 404)` is `{ 400: Error, 404: Error }`. Every openapi-*.ts spreads it into its `responses`,
 * so every path describes its errors the same way.
 */
export function errorResponses<S extends number>(...statuses: S[]): Record<S, typeof ERROR> {
	return Object.fromEntries(statuses.map((status) => [status, ERROR])) as Record<S, typeof ERROR>;
}

/** A path parameter (every id and slug of /api/v1 is a string). */
export const pathParam = (name: string) => ({ name, in: 'path', required: true, schema: { type: 'string' } }) as const;

/** Operations that need `Authorization: Bearer <token>` (the document's default); public ones say `security: []`. */
export const BEARER = [{ bearer: [] }];
export const PUBLIC: never[] = [];
