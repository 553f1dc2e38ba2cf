import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { RouteResult } from './routes';

/**
 * Checks a real answer against an OpenAPI 3.1 document with ajv (JSON Schema 2020-12, the dialect of 3.1):
 * the status must be documented for the operation, the content type too, and a JSON body must match the
 * schema documented for that status. `$ref`s resolve inside the document itself.
 */
type Doc = { paths: Record<string, Record<string, { responses: Record<string, Response> }>> } & Record<string, unknown>;
type Response = { $ref?: string; content?: Record<string, unknown> };

const DOC_ID = 'https://ecrav.test/api/v1/openapi.json';
const HTTP_METHODS = ['get', 'put', 'post', 'patch', 'delete'];

/** `GET /communities/{slug}` from a route's method and SvelteKit path (`/api/v1/communities/[slug]`). */
export function operationOf(method: string, routePath: string): string {
	return `${method.toUpperCase()} ${routePath.replace(/^\/api\/v1/, '').replace(/\[(\w+)\]/g, '{$1}')}`;
}

const pointer = (...parts: string[]) => '#/' + parts.map((p) => encodeURIComponent(p.replace(/~/g, '~0').replace(/\//g, '~1'))).join('/');

export interface DocumentValidator {
	/** Every operation of the document, as `METHOD /path`. */
	operations(): string[];
	/** null when the answer is documented and matches, else what is wrong. */
	check(method: string, routePath: string, result: RouteResult): string | null;
}

export function documentValidator(document: object): DocumentValidator {
	const doc = structuredClone(document) as Doc;
	const ajv = new Ajv2020({ strict: false, allErrors: true });
	addFormats.default(ajv);
	ajv.addSchema({ ...doc, $id: DOC_ID });
	const compiled = new Map<string, ValidateFunction>();
	const validatorAt = (ref: string) => {
		let v = compiled.get(ref);
		if (!v) {
			v = ajv.compile({ $ref: DOC_ID + ref });
			compiled.set(ref, v);
		}
		return v;
	};

	return {
		operations: () => Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).filter((m) => HTTP_METHODS.includes(m)).map((m) => `${m.toUpperCase()} ${path}`)),
		check(method, routePath, result) {
			const [, path] = operationOf(method, routePath).split(' ');
			const m = method.toLowerCase();
			const op = doc.paths[path]?.[m];
			if (!op) return `${method} ${path} is not in the document`;
			if (result.status === 500) return `500 ${String((result.error as Error)?.stack ?? result.error).split('\n').slice(0, 3).join(' | ')}`;
			let response = op.responses[String(result.status)];
			let at = pointer('paths', path, m, 'responses', String(result.status));
			if (!response) return `status ${result.status} is not documented (documented: ${Object.keys(op.responses).join(', ')})`;
			if (response.$ref) {
				at = response.$ref.slice(1);
				response = at.split('/').slice(1).reduce<Record<string, unknown>>((o, k) => o[k] as Record<string, unknown>, doc) as Response;
				at = '#' + at;
			}
			const type = (result.headers?.get('content-type') ?? '').split(';')[0].trim();
			if (!type) return response.content ? `no body, but the document describes ${Object.keys(response.content).join(', ')}` : null;
			if (!response.content?.[type]) return `content type ${type} is not documented for ${result.status}: ${JSON.stringify(result.body ?? null).slice(0, 600)}`;
			if (type !== 'application/json') return null;
			const validate = validatorAt(`${at}/content/${encodeURIComponent('application~1json')}/schema`);
			if (validate(result.body)) return null;
			const why = (validate.errors ?? []).map((e) => `${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`).join('; ');
			return `body does not match: ${why} — ${JSON.stringify(result.body).slice(0, 300)}`;
		}
	};
}
