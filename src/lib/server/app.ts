import { createDb, migrate } from './db';
import { loadConfig, type AppConfig } from './config';
import { createServices, type Services } from './services';
import { createMediaStorage, loadMediaStorageConfig } from './media/storage-config';
import { seedDemoCommunity } from './demo/seed';
import { log } from './observability/logger';

let app: Promise<Services> | null = null;

/** Work the production server (scripts/server.js) awaits before it exits on SIGTERM/SIGINT, e.g. the last visit counts. */
export const BEFORE_EXIT = Symbol.for('ecrav.beforeExit');

function beforeExit(hook: () => Promise<void>) {
	const g = globalThis as unknown as Record<symbol, (() => Promise<void>)[] | undefined>;
	(g[BEFORE_EXIT] ??= []).push(hook);
}

/**
 * The seed scripts/server.js's cluster primary gives its workers (ECRAV_VISIT_SALT_SEED, 64 hex digits, made at random
 * in memory at each start): read once and removed from the environment, so nothing started later inherits it.
 */
function takeVisitSaltSeed(): Buffer | null {
	const hex = process.env.ECRAV_VISIT_SALT_SEED;
	delete process.env.ECRAV_VISIT_SALT_SEED;
	return hex && /^[0-9a-f]{64}$/.test(hex) ? Buffer.from(hex, 'hex') : null;
}

/**
 * Opens the database, migrates it and seeds the demo community when the database is empty (unless
 * ECRAV_DEMO=off). Runs once per process; every request shares the result.
 */
export function getApp(given?: AppConfig): Promise<Services> {
	// Every request calls this: the configuration is read only the first time.
	app ??= (async () => {
		const config = given ?? loadConfig();
		const database = await createDb({ url: config.databaseUrl, lockTimeoutMs: config.lockTimeoutMs, poolSize: config.dbPoolSize });
		await migrate(database);
		const media = loadMediaStorageConfig(config.dataDir);
		log.info(media.kind === 's3' ? { storage: 's3', bucket: media.bucket, endpoint: media.endpoint ?? 'aws' } : { storage: 'filesystem', folder: media.root }, 'media storage');
		const services = createServices({
			database,
			storage: createMediaStorage(media),
			pushSubject: process.env.ECRAV_PUSH_SUBJECT,
			pushExtraAllowedOrigins: config.pushExtraAllowedOrigins,
			visitsEnabled: config.visitsEnabled,
			visitSaltSeed: takeVisitSaltSeed()
		});
		// Counted visits are written in batches; scripts/server.js runs the hooks in BEFORE_EXIT on SIGTERM (last batch).
		services.visits.start(config.visitsFlushMs);
		beforeExit(() => services.visits.stop());
		// The Web Push (VAPID) key pair is made on first start and kept in the database (app_secret).
		await services.push.publicKey();
		// Payment receipts stored before they were private (public `p/…`) move to `r/…` once; then none is public.
		const moved = await services.paymentProofs.moveLegacyReceipts();
		if (moved > 0) log.info({ moved }, 'payment receipts moved out of public media');
		if (config.demo && (await services.communities.isEmpty())) {
			const started = Date.now();
			await seedDemoCommunity(services);
			log.info({ community: 'cigadung', ms: Date.now() - started }, 'demo community seeded');
		}
		// Live boards hold their streams open: end them when the server stops, so it can close at once.
		const closeBoards = () => services.boardHub.closeAll();
		process.once('SIGTERM', closeBoards);
		process.once('SIGINT', closeBoards);
		process.once('sveltekit:shutdown' as 'SIGTERM', closeBoards);
		return services;
	})();
	return app;
}
