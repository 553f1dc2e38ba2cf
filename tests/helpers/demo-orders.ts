import { createTestContext, type TestContext } from './db';
import { seedDemoCommunity } from '../../src/lib/server/demo/seed';
import { PUBLIC_ACTOR, type UserActor } from '../../src/lib/server/auth/actor';
import type { Community, Product } from '../../src/lib/server/db/schema';

/**
 * The ordering tests' common start: a fresh database (a file for SQLite, so parallel checkouts really race) with
 * the demo community Cigadung seeded without photos, and its two demo sellers logged in — JJ (Ketempling JJ) and
 * MT (Sambal MT). Call it in `beforeAll` (seeding takes a few seconds: give the hook 60 s) and `ctx.cleanup()` after.
 */
export interface DemoOrders {
	ctx: TestContext;
	cigadung: Community;
	jj: UserActor;
	mt: UserActor;
}

export async function startDemoOrders(): Promise<DemoOrders> {
	const ctx = await createTestContext({ sqliteFile: true });
	await seedDemoCommunity(ctx.services, { photos: false });
	const cigadung = await ctx.services.communities.getBySlug(PUBLIC_ACTOR, 'cigadung');
	const login = async (email: string) => (await ctx.services.auth.actorForToken((await ctx.services.auth.login({ login: email, password: 'demo-cigadung-2024' }, { address: 't', kind: 'cookie' })).token, 'cookie'))!.actor;
	return { ctx, cigadung, jj: await login('jj@cigadung.test'), mt: await login('mt@cigadung.test') };
}

/** A demo product by its slug, read straight from the database (price as a number on both dialects). */
export async function demoProduct(ctx: TestContext, slug: string): Promise<Product> {
	const row = await ctx.database.db.selectFrom('product').selectAll().where('slug', '=', slug).executeTakeFirstOrThrow();
	return { ...row, price: Number(row.price) };
}

/** A demo product's stock now. */
export const demoStock = async (ctx: TestContext, slug: string) => (await demoProduct(ctx, slug)).stock;
