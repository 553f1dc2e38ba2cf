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
}

export function loadConfig(env: Record<string, string | undefined> = process.env): AppConfig {
	const dataDir = resolve(env.DATA_DIR || './data');
	return {
		databaseUrl: env.DATABASE_URL || `sqlite:${join(dataDir, 'ecrav.sqlite')}`,
		dataDir,
		demo: (env.ECRAV_DEMO ?? 'on').toLowerCase() !== 'off',
		publicOrigin: env.ORIGIN || null,
		lockTimeoutMs: Math.max(100, Number(env.DB_LOCK_TIMEOUT_MS) || 3000),
		pushExtraAllowedOrigins: parseExtraPushOrigins(env.PUSH_EXTRA_ALLOWED_ORIGINS)
	};
}
