import webpush from 'web-push';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import { requireShopManagerOr, requireUser } from '../auth/guards';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import type { ShopRepository } from '../shops/shop.repository';

/** What a browser's PushSubscription.toJSON() gives. */
const subscriptionSchema = z.object({
	endpoint: z.string().url().max(1000).refine((u) => /^https?:\/\//.test(u)),
	keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) })
});

export interface PushMessage {
	title: string;
	body: string;
	/** Where tapping the notification leads (a path on this site). */
	url: string;
}

/**
 * Web Push to sellers' phones (opt-in on the seller home). The VAPID key pair is made on first use and kept in
 * the database (`app_secret`, name `vapid`), so every app process and every restart signs with the same key and
 * existing subscriptions keep working. Sending is best effort: a push service that is down never fails an order;
 * a subscription the push service says is gone (404/410) is deleted.
 */
export class PushService {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly shops: ShopRepository,
		private readonly subject: string,
		private readonly clock: () => Date = () => new Date()
	) {}

	/** The public VAPID key the browser needs to subscribe (base64url). */
	async publicKey(): Promise<string> {
		return (await this.vapid()).publicKey;
	}

	private async vapid(): Promise<{ publicKey: string; privateKey: string }> {
		const read = () => this.db.selectFrom('app_secret').select('value').where('name', '=', 'vapid').executeTakeFirst();
		let row = await read();
		if (!row) {
			const keys = webpush.generateVAPIDKeys();
			// Two processes starting at once: the first insert wins, both then read the same pair.
			await this.db.insertInto('app_secret').values({ name: 'vapid', value: JSON.stringify(keys), created_at: this.clock().toISOString() }).onConflict((oc) => oc.column('name').doNothing()).execute();
			row = await read();
		}
		return JSON.parse(row!.value) as { publicKey: string; privateKey: string };
	}

	/** Saves this browser's subscription for the shop (subscribing again from the same browser replaces the shop's own row). */
	async subscribe(actor: Actor, shopId: string, input: unknown): Promise<void> {
		const user = requireUser(actor);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shop', { slug: shopId });
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shop', { slug: shopId }));
		const parsed = subscriptionSchema.safeParse(input);
		if (!parsed.success) throw new ValidationError('push.invalid');
		const { endpoint, keys } = parsed.data;
		// Keyed by (shop, endpoint): only this shop's row for this browser is replaced; another shop's is never touched.
		const at = this.clock().toISOString();
		await this.db
			.insertInto('push_subscription')
			.values({ id: newId('push'), user_id: user.userId, shop_id: shop.id, endpoint, p256dh: keys.p256dh, auth: keys.auth, created_at: at })
			.onConflict((oc) => oc.columns(['shop_id', 'endpoint']).doUpdateSet({ user_id: user.userId, p256dh: keys.p256dh, auth: keys.auth, created_at: at }))
			.execute();
	}

	/** Stops pushes to this browser for the shop. */
	async unsubscribe(actor: Actor, shopId: string, endpoint: string): Promise<void> {
		requireUser(actor);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shop', { slug: shopId });
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shop', { slug: shopId }));
		await this.db.deleteFrom('push_subscription').where('shop_id', '=', shop.id).where('endpoint', '=', String(endpoint)).execute();
	}

	async subscriptionCount(actor: Actor, shopId: string): Promise<number> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shop', { slug: shopId });
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shop', { slug: shopId }));
		const r = await this.db.selectFrom('push_subscription').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shop.id).executeTakeFirstOrThrow();
		return Number(r.n);
	}

	/** Tells every subscribed browser of the shop; returns how many push services accepted the message. */
	async notifyShop(shopId: string, message: PushMessage): Promise<number> {
		const subs = await this.db.selectFrom('push_subscription').selectAll().where('shop_id', '=', shopId).execute();
		if (subs.length === 0) return 0;
		const { publicKey, privateKey } = await this.vapid();
		const payload = JSON.stringify(message);
		let sent = 0;
		await Promise.all(
			subs.map(async (s) => {
				try {
					// generateRequestDetails signs and encrypts (aes128gcm); sending with fetch also works with http: push services in tests.
					const req = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
						vapidDetails: { subject: this.subject, publicKey, privateKey },
						TTL: 60 * 60 * 12,
						urgency: 'high'
					});
					const res = await fetch(req.endpoint, { method: req.method, headers: req.headers as Record<string, string>, body: new Uint8Array(req.body as Buffer), signal: AbortSignal.timeout(10_000) });
					if (res.status === 404 || res.status === 410) await this.db.deleteFrom('push_subscription').where('id', '=', s.id).execute();
					else if (res.ok) sent++;
				} catch {
					/* push is best effort: an unreachable push service must not fail the order */
				}
			})
		);
		return sent;
	}
}
