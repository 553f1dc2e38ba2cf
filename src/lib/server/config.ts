import { join, resolve } from 'node:path';
import { parseExtraPushOrigins } from './notifications/push-endpoint';

/** Every environment variable E-Crav reads, with its default. Documented in README and .env.example. */
export interface AppConfig {
	databaseUrl: string;
	dataDir: string;
	demo: boolean;
	publicOrigin: string | null;
	/** How long a write waits for a database lock before answering 503 + Retry-After (DB_LOCK_TIMEOUT_MS). */
	lockTimeoutMs: number;
	/** Origins Web Push may be sent to besides the browsers' push services (PUSH_EXTRA_ALLOWED_ORIGINS). Default none. */
	pushExtraAllowedOrigins: string[];
	/** Count visitors of the public store pages (ECRAV_VISITS, default on; `off` disables). */
	visitsEnabled: boolean;
	/** How often counted visits are written to the database, in ms (ECRAV_VISITS_FLUSH_MS, default 5000). */
	visitsFlushMs: number;
	/** PostgreSQL connections each process keeps open at most (DB_POOL_SIZE, default 10). */
	dbPoolSize: number;
	/** The bearer token /metrics asks for (METRICS_TOKEN); unset: /metrics is 404 for everyone. */
	metricsToken: string | null;
}

/** ORIGIN, the address the public reaches the app at; null when not set. Alone for callers on every request (printedOrigin). */
export function publicOrigin(env: Record<string, string | undefined> = process.env): string | null {
	return env.ORIGIN || null;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const dataDir = resolve(env.DATA_DIR || './data');
	return {
		databaseUrl: env.DATABASE_URL || `sqlite:${join(dataDir, 'ecrav.sqlite')}`,
		dataDir,
		demo: (env.ECRAV_DEMO ?? 'on').toLowerCase() !== 'off',
		publicOrigin: publicOrigin(env),
		lockTimeoutMs: Math.max(100, Number(env.DB_LOCK_TIMEOUT_MS) || 3000),
		pushExtraAllowedOrigins: parseExtraPushOrigins(env.PUSH_EXTRA_ALLOWED_ORIGINS),
		visitsEnabled: (env.ECRAV_VISITS ?? 'on').toLowerCase() !== 'off',
		visitsFlushMs: Math.max(50, Number(env.ECRAV_VISITS_FLUSH_MS) || 5000),
		dbPoolSize: Math.min(200, Math.max(1, Math.floor(Number(env.DB_POOL_SIZE)) || 10)),
		metricsToken: env.METRICS_TOKEN?.trim() || null
	};
}
