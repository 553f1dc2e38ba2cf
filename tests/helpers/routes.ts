import { createHash } from 'node:crypto';
import { isActionFailure, isHttpError, isRedirect, type Cookies } from '@sveltejs/kit';
import { sql } from 'kysely';
import type { Actor } from '../../src/lib/server/auth/actor';
import type { Database } from '../../src/lib/server/db';
import type { Services } from '../../src/lib/server/services';
import type { Locale } from '../../src/lib/i18n';

/**
 * The route tree as SvelteKit sees it, read from the files themselves (not from a hand-kept list), and a way
 * to call a route's form action or request handler directly with real locals and services: the same code
 * that runs in production, minus the HTTP server and hooks (authentication is given as an actor).
 */

type Handler = (event: unknown) => unknown;
type Module = Record<string, unknown> & { actions?: Record<string, Handler> };

const serverModules = import.meta.glob<Module>('/src/routes/**/+server.ts');
const pageModules = import.meta.glob<Module>('/src/routes/**/+page.server.ts');
const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

export interface RouteEntry {
	/** `PATCH /api/v1/products/[productId]` or `POST /jual/produk/[id]?/simpan` (groups like `(seller)` left out). */
	key: string;
	file: string;
	kind: 'endpoint' | 'action';
	method: string;
	/** The URL pattern without groups, e.g. `/jual/produk/[id]`. */
	path: string;
	action?: string;
	load: () => Promise<Handler>;
}

function pathOf(file: string): string {
	const dir = file.replace(/^\/src\/routes/, '').replace(/\/\+(page\.server|server)\.ts$/, '');
	const parts = dir.split('/').filter((p) => p && !/^\(.*\)$/.test(p));
	return '/' + parts.join('/');
}

/** Every form action and every request handler method under src/routes. */
export async function discoverRoutes(): Promise<RouteEntry[]> {
	const out: RouteEntry[] = [];
	for (const [file, importer] of Object.entries(serverModules)) {
		const mod = await importer();
		const path = pathOf(file);
		for (const method of METHODS) {
			if (typeof mod[method] !== 'function') continue;
			out.push({ key: `${method} ${path}`, file: file.slice(1), kind: 'endpoint', method, path, load: async () => (await importer())[method] as Handler });
		}
		if (typeof mod.fallback === 'function') throw new Error(`${file}: a fallback handler needs a row per method; the matrix does not know it yet`);
	}
	for (const [file, importer] of Object.entries(pageModules)) {
		const mod = await importer();
		if (!mod.actions) continue;
		const path = pathOf(file);
		for (const action of Object.keys(mod.actions)) {
			out.push({
				key: `POST ${path}?/${action}`,
				file: file.slice(1),
				kind: 'action',
				method: 'POST',
				path,
				action,
				load: async () => ((await importer()).actions as Record<string, Handler>)[action]
			});
		}
	}
	return out.sort((a, b) => a.key.localeCompare(b.key));
}

export interface RouteRequest {
	params?: Record<string, string>;
	query?: Record<string, string>;
	/** Form fields (a form action, or a +server.ts that reads formData). Arrays repeat a field. */
	form?: Record<string, string | string[] | File>;
	json?: unknown;
	/** A raw body with its content type (for fuzzing broken bodies). */
	raw?: { body: string | Uint8Array; type: string };
	headers?: Record<string, string>;
	cookies?: Record<string, string>;
	/** Defaults to GET for endpoints' reads, POST for actions. */
	method?: string;
	/** The client's address (getClientAddress). */
	address?: string;
}

export interface RouteResult {
	status: number;
	location?: string;
	body?: unknown;
	/** The thrown error, when the route threw something SvelteKit would turn into a 500. */
	error?: unknown;
	cookiesSet: Record<string, string>;
	headers?: Headers;
	/** The body of a binary answer (an XLSX, a PDF). */
	bytes?: Uint8Array;
}

class MemoryCookies implements Cookies {
	readonly set_: Record<string, string> = {};
	constructor(private readonly jar: Record<string, string>) {}
	get(name: string) {
		return this.set_[name] ?? this.jar[name];
	}
	getAll() {
		return Object.entries({ ...this.jar, ...this.set_ }).map(([name, value]) => ({ name, value }));
	}
	set(name: string, value: string) {
		this.set_[name] = value;
	}
	delete(name: string) {
		this.set_[name] = '';
	}
	serialize(name: string, value: string) {
		return `${name}=${value}`;
	}
}

export const ORIGIN = 'http://ecrav.test';

function fillPattern(path: string, params: Record<string, string>): string {
	return path.replace(/\[(?:\.\.\.)?([a-zA-Z]+)\]/g, (_m, name: string) => {
		const v = params[name];
		if (v === undefined) throw new Error(`route ${path} needs params.${name}`);
		return name === 'rest' || name === 'key' ? v : encodeURIComponent(v);
	});
}

/** Calls one route the way SvelteKit would, and reads the outcome as the status the client would get. */
/** One route by its key (`PATCH /api/v1/products/[productId]`). */
export async function routeByKey(key: string): Promise<RouteEntry> {
	const found = (await discoverRoutes()).find((r) => r.key === key);
	if (!found) throw new Error(`no route ${key}`);
	return found;
}

export async function callRoute(route: RouteEntry, ctx: { services: Services; actor: Actor; locale?: Locale; sessionToken?: string }, req: RouteRequest): Promise<RouteResult> {
	const params = req.params ?? {};
	const url = new URL(fillPattern(route.path, params), ORIGIN);
	for (const [k, v] of Object.entries(req.query ?? {})) url.searchParams.set(k, v);
	if (route.action && route.action !== 'default') url.search = (url.search ? url.search + '&' : '?') + `/${route.action}`;
	const method = req.method ?? route.method;
	const headers = new Headers(req.headers ?? {});
	let body: BodyInit | undefined;
	if (req.form) {
		const fd = new FormData();
		for (const [k, v] of Object.entries(req.form)) {
			if (Array.isArray(v)) for (const x of v) fd.append(k, x);
			else fd.append(k, v);
		}
		body = fd;
	} else if (req.json !== undefined) {
		body = JSON.stringify(req.json);
		headers.set('content-type', 'application/json');
	} else if (req.raw) {
		body = req.raw.body as BodyInit;
		headers.set('content-type', req.raw.type);
	} else if (route.kind === 'action') {
		body = new FormData();
	}
	headers.set('origin', ORIGIN);
	const request = new Request(url, { method, headers, body: method === 'GET' || method === 'HEAD' ? undefined : body });
	const cookies = new MemoryCookies(req.cookies ?? {});
	const locals = { services: ctx.services, locale: ctx.locale ?? 'id', actor: ctx.actor, sessionToken: ctx.sessionToken };
	const event = {
		request,
		url,
		params,
		locals,
		cookies,
		route: { id: route.file },
		getClientAddress: () => req.address ?? '203.0.113.7',
		platform: undefined,
		setHeaders: () => {},
		fetch: () => {
			throw new Error('route used event.fetch');
		},
		isDataRequest: false,
		isSubRequest: false,
		isRemoteRequest: false
	};
	const handler = await route.load();
	// SvelteKit itself refuses a form action whose body is not a form, before the action runs.
	if (route.kind === 'action' && !/^(application\/x-www-form-urlencoded|multipart\/form-data|text\/plain)/i.test(request.headers.get('content-type') ?? ''))
		return { status: 415, cookiesSet: cookies.set_ };
	try {
		const out = await handler(event);
		if (route.kind === 'endpoint') {
			const response = out as Response;
			const type = response.headers.get('content-type') ?? '';
			// a live stream (Server-Sent Events) never ends by itself: its status is the answer
			if (type.startsWith('text/event-stream')) {
				await response.body?.cancel();
				return { status: response.status, cookiesSet: cookies.set_, headers: response.headers };
			}
			const isText = type.includes('json') || type.startsWith('text/');
			const text = isText ? await response.text() : null;
			const bytes = !isText && response.body ? new Uint8Array(await response.arrayBuffer()) : undefined;
			let parsed: unknown = text;
			if (text && type.includes('json')) parsed = JSON.parse(text);
			return { status: response.status, location: response.headers.get('location') ?? undefined, body: parsed, cookiesSet: cookies.set_, headers: response.headers, bytes };
		}
		if (isActionFailure(out)) return { status: out.status, body: out.data, cookiesSet: cookies.set_ };
		return { status: 200, body: out, cookiesSet: cookies.set_ };
	} catch (e) {
		if (isRedirect(e)) return { status: e.status, location: e.location, cookiesSet: cookies.set_ };
		if (isHttpError(e)) return { status: e.status, body: e.body, cookiesSet: cookies.set_ };
		return { status: 500, error: e, cookiesSet: cookies.set_ };
	}
}

/**
 * A fingerprint of every row of every table, per table: equal before and after means nothing was written.
 * Full-text index tables are left out (they mirror product rows, which are digested).
 */
const tableNames = new WeakMap<Database, Promise<string[]>>();

async function listTables(database: Database): Promise<string[]> {
	const { db, dialect } = database;
	return dialect === 'sqlite'
			? (await sql<{ name: string }>`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' and name not like '%fts%' and sql not like 'CREATE VIRTUAL%'`.execute(db)).rows.map((r) => r.name)
			: (await sql<{ name: string }>`select table_name as name from information_schema.tables where table_schema = current_schema() and table_type = 'BASE TABLE'`.execute(db)).rows.map((r) => r.name);
}

export async function digestTables(database: Database, skip: readonly string[] = []): Promise<Record<string, string>> {
	const { db, dialect } = database;
	if (!tableNames.has(database)) tableNames.set(database, listTables(database));
	const names = (await tableNames.get(database)!).filter((n) => !skip.includes(n) && !/^kysely_/.test(n));
	const out: Record<string, string> = {};
	if (dialect === 'postgres') {
		// One round trip: each table hashed inside PostgreSQL.
		const parts = names.map((n) => sql`select ${n} as name, (select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) from ${sql.table(n)} t) as digest`);
		const rows = (await sql<{ name: string; digest: string }>`${sql.join(parts, sql` union all `)}`.execute(db)).rows;
		for (const r of rows) out[r.name] = r.digest;
		return out;
	}
	for (const name of names) {
		const rows = (await sql<Record<string, unknown>>`select * from ${sql.table(name)}`.execute(db)).rows;
		const lines = rows.map((r) => JSON.stringify(r, (_k, v) => (typeof v === 'bigint' ? String(v) : v))).sort();
		out[name] = createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
	}
	return out;
}

/** The tables whose digest differs. */
export function changedTables(before: Record<string, string>, after: Record<string, string>): string[] {
	return Object.keys({ ...before, ...after }).filter((k) => before[k] !== after[k]).sort();
}
