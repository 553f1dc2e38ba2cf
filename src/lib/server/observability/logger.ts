import { AsyncLocalStorage } from 'node:async_hooks';
import pino, { type DestinationStream, type Logger } from 'pino';
import { redactSecrets } from '../security/redact';

/** The request being handled (its id and route id), so every line logged while handling it names it. */
export interface RequestContext {
	reqId: string;
	route: string | null;
}

/** Set by hooks.server.ts around each request; read by the logger (any module's lines carry the request id). */
export const requestContext = new AsyncLocalStorage<RequestContext>();

/**
 * Fields a log line may carry that hold secrets: never written, whatever code passes them in. Request lines
 * name the route id (`/atur-sandi/[token]`), never the URL, and no body is ever logged; this is the second line of defence.
 */
export const REDACTED_PATHS = [
	'headers.authorization',
	'headers.cookie',
	'headers["set-cookie"]',
	'req.headers.authorization',
	'req.headers.cookie',
	'res.headers["set-cookie"]',
	'password',
	'*.password',
	'token',
	'*.token',
	'body',
	'*.body',
	'url',
	'*.url'
];

const LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

/** LOG_LEVEL when it names a pino level, else `info`. */
export function logLevel(env: Record<string, string | undefined> = process.env): string {
	const level = (env.LOG_LEVEL ?? '').trim().toLowerCase();
	return LEVELS.includes(level) ? level : 'info';
}

/** An error as a log field: its type, and its message and stack with every token and setup link taken out. */
function errorField(e: unknown): Record<string, unknown> {
	if (!(e instanceof Error)) return { message: redactSecrets(String(e)) };
	return { type: e.name, message: redactSecrets(e.message), stack: e.stack ? redactSecrets(e.stack) : undefined, code: (e as NodeJS.ErrnoException).code };
}

/**
 * A JSON-lines logger (one object per line on stdout, ISO time, level names). Invariant: no session cookie,
 * Authorization header, setup/board/check-in token, password or form body reaches the output — see REDACTED_PATHS
 * and the `err` serializer; callers log route ids, never raw URLs.
 */
export function createLogger(destination?: DestinationStream, level = logLevel()): Logger {
	return pino(
		{
			level,
			base: { pid: process.pid },
			timestamp: pino.stdTimeFunctions.isoTime,
			formatters: { level: (label) => ({ level: label }) },
			redact: { paths: REDACTED_PATHS, censor: '[disembunyikan]' },
			serializers: { err: errorField },
			mixin: () => {
				const ctx = requestContext.getStore();
				return ctx ? { reqId: ctx.reqId } : {};
			}
		},
		destination
	);
}

/** The process's logger. */
export const log: Logger = createLogger();

/**
 * Writes an unexpected error to the log, with the request id when one is being handled. Invariant: no token,
 * setup link or password ever reaches a log line — the message and stack are redacted, and request bodies are never logged.
 */
export function logError(context: string, error: unknown, fields: { reqId?: string } = {}): void {
	log.error({ ...fields, err: error }, redactSecrets(context));
}
