import { z } from 'zod';

/**
 * The bridge from zod to /api/v1/openapi.json: every response schema of the document, and every request body a
 * route validates with zod, is generated here with zod 4's `z.toJSONSchema` (JSON Schema 2020-12, the dialect of
 * OpenAPI 3.1), so the document cannot drift from what the code sends and accepts.
 */
export type JsonSchema = Record<string, unknown>;

/**
 * The JSON Schema of a zod schema without its `$schema` line (OpenAPI 3.1 sets the dialect once). `output`
 * describes what the API sends (objects closed: an undocumented field is a drift the response test catches);
 * `input` what a route accepts (its zod schema for the request body, defaults optional).
 */
export function schemaOf(schema: z.ZodType, io: 'input' | 'output' = 'output'): JsonSchema {
	const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io, unrepresentable: 'any', target: 'draft-2020-12', override: tidy });
	return rest;
}

/**
 * Reads the way a person would write it: `z.int()`'s safe-integer bounds (noise) are left out, and a nullable
 * simple type is `type: ['string', 'null']` (enums gain `null`) instead of `anyOf: [{ type: 'string' }, { type: 'null' }]`.
 */
function tidy(ctx: { jsonSchema: Record<string, unknown> }) {
	const s = ctx.jsonSchema;
	if (s.minimum === Number.MIN_SAFE_INTEGER) delete s.minimum;
	if (s.maximum === Number.MAX_SAFE_INTEGER) delete s.maximum;
	const any = s.anyOf as JsonSchema[] | undefined;
	if (any?.length !== 2 || !any.some((a) => a.type === 'null' && Object.keys(a).length === 1)) return;
	const other = any.find((a) => a.type !== 'null')!;
	if (typeof other.type !== 'string' || 'const' in other || 'anyOf' in other) return;
	delete s.anyOf;
	Object.assign(s, other, { type: [other.type, 'null'] }, Array.isArray(other.enum) ? { enum: [...other.enum, null] } : {});
}

/** A response with a JSON body described by a zod schema. */
export function jsonResponse(description: string, schema: z.ZodType, extra: Record<string, unknown> = {}) {
	return { description, ...extra, content: { 'application/json': { schema: schemaOf(schema) } } };
}

/** A required JSON request body: the zod schema the route parses it with (its input side). */
export function jsonBody(schema: z.ZodType, description?: string) {
	return { required: true, ...(description ? { description } : {}), content: { 'application/json': { schema: schemaOf(schema, 'input') } } };
}

/** `{ "error": { "code", "message", "details"? } }`: what every 4xx (and the rare 5xx) of /api/v1 answers. */
export const apiError = z.object({
	error: z.object({
		code: z.string().meta({ description: 'Stable machine code: invalid, not_found, unauthorized, method_not_allowed, out_of_stock, …' }),
		message: z.string().meta({ description: 'For people, in the language of Accept-Language (Bahasa Indonesia by default)' }),
		details: z.object({ fields: z.record(z.string(), z.string()).meta({ description: 'One message per bad field' }) }).optional()
	})
});

/** ISO-8601 UTC instant as the API writes it. */
export const instant = z.string().meta({ format: 'date-time' });
/** A calendar day `YYYY-MM-DD` (WIB). */
export const day = z.string().meta({ format: 'date' });
/** An absolute URL. */
export const url = z.string().meta({ format: 'uri' });
export const rupiah = z.int().meta({ description: 'Integer rupiah' });
/** `{ data: [item] }`, the API's list envelope. */
export const listOf = (item: z.ZodType) => z.object({ data: z.array(item) });
