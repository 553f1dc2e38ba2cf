import webpush from 'web-push';
import { z } from 'zod';
import type { Kysely } from 'kysely';
import type { Actor } from '../auth/actor';
import type { DB } from '../db/schema';
import { requireShopManagerOr, requireUser } from '../auth/guards';
import { NotFoundError, ValidationError } from '../errors';
import { newId } from '../../utils/ids';
import type { ShopRepository } from '../shops/shop.repository';
import { isAllowedPushEndpoint } from './push-endpoint';

/** Phones (browsers) one shop may have subscribed; the next one replaces the one subscribed longest ago. */
export const MAX_SUBSCRIPTIONS_PER_SHOP = 5;
/** How long one push service may take to answer before the send is given up (it never blocks an order). */
export const PUSH_SEND_TIMEOUT_MS = 5_000;

/** base64url of exactly `bytes` bytes (what PushSubscription.toJSON() gives for its keys). */
const base64urlOf = (bytes: number) =>
	z
		.string()
		.max(200)
		.regex(/^[A-Za-z0-9_-]+={0,2}$/)
		.refine((s) => Buffer.from(s, 'base64url').length === bytes);

/** What a browser's PushSubscription.toJSON() gives: an endpoint, a P-256 public key (65 bytes) and a 16-byte secret. */
const subscriptionSchema = z.object({
	endpoint: z.string().max(1000),
	keys: z.object({ p256dh: base64urlOf(65).refine((s) => Buffer.from(s, 'base64url')[0] === 4), auth: base64urlOf(16) })
});
const unsubscribeSchema = z.object({ endpoint: z.string().min(1).max(1000) });

export interface PushMessage {
	title: string;
	body: string;
	/** Where tapping the notification leads (a path on this site). */
	url: string;
}

export interface PushOptions {
	/** VAPID subject (mailto: or https: URL) push services may contact. */
	subject: string;
	/** Origins allowed besides the browsers' push services (PUSH_EXTRA_ALLOWED_ORIGINS; see push-endpoint.ts). */
	extraAllowedOrigins?: readonly string[];
	/** How long one push service may take to answer. Default PUSH_SEND_TIMEOUT_MS. */
	sendTimeoutMs?: number;
}

/**
 * Web Push to sellers' phones (opt-in on the seller home). The VAPID key pair is made on first use and kept in
 * the database (`app_secret`, name `vapid`), so every app process and every restart signs with the same key and
 * existing subscriptions keep working. Sending is best effort: a push service that is down never fails an order;
 * a subscription the push service says is gone (404/410) is deleted.
 *
 * Invariants (issue 8): a subscription belongs to one shop and only that shop's managers write it; the server
 * sends only to browsers' push services (`isAllowedPushEndpoint`, checked when subscribing AND when sending),
 * never follows a redirect, gives up after PUSH_SEND_TIMEOUT_MS, and keeps at most
 * MAX_SUBSCRIPTIONS_PER_SHOP rows per shop — so an order makes at most that many outbound requests per shop.
 */
export class PushService {
	private readonly extraOrigins: readonly string[];

	constructor(
		private readonly db: Kysely<DB>,
		private readonly shops: ShopRepository,
		private readonly options: PushOptions,
		private readonly clock: () => Date = () => new Date()
	) {
		this.extraOrigins = options.extraAllowedOrigins ?? [];
	}

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

	private async managedShop(actor: Actor, shopId: string) {
		requireUser(actor);
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shopUnnamed'));
		return shop;
	}

	/**
	 * Saves this browser's subscription for the shop. Subscribing again from the same browser replaces the
	 * shop's own row; a sixth browser replaces the one subscribed longest ago (see MAX_SUBSCRIPTIONS_PER_SHOP).
	 * An endpoint that is not a browser push service is refused (422) and nothing is stored.
	 */
	async subscribe(actor: Actor, shopId: string, input: unknown): Promise<void> {
		const user = requireUser(actor);
		const shop = await this.managedShop(actor, shopId);
		const parsed = subscriptionSchema.safeParse(input);
		if (!parsed.success) throw new ValidationError('push.invalid');
		const { endpoint, keys } = parsed.data;
		if (!isAllowedPushEndpoint(endpoint, this.extraOrigins)) throw new ValidationError('security.pushServiceRefused');
		const at = this.clock().toISOString();
		// Keyed by (shop, endpoint): only this shop's row for this browser is replaced; another shop's is never touched.
		const row = await this.db
			.insertInto('push_subscription')
			.values({ id: newId('push'), user_id: user.userId, shop_id: shop.id, endpoint, p256dh: keys.p256dh, auth: keys.auth, created_at: at })
			.onConflict((oc) => oc.columns(['shop_id', 'endpoint']).doUpdateSet({ user_id: user.userId, p256dh: keys.p256dh, auth: keys.auth, created_at: at }))
			.returning('id')
			.executeTakeFirstOrThrow();
		// Keep this one and the newest others up to the cap. Every subscribe ends with this delete, so the last
		// one to run sees every committed row and the shop ends with at most the cap even under concurrency.
		await this.db
			.deleteFrom('push_subscription')
			.where('shop_id', '=', shop.id)
			.where('id', '!=', row.id)
			.where('id', 'not in', (qb) =>
				qb
					.selectFrom('push_subscription')
					.select('id')
					.where('shop_id', '=', shop.id)
					.where('id', '!=', row.id)
					.orderBy('created_at', 'desc')
					.orderBy('id', 'desc')
					.limit(MAX_SUBSCRIPTIONS_PER_SHOP - 1)
			)
			.execute();
	}

	/** Stops pushes to one browser ({ endpoint }) for the shop; another shop's row with the same endpoint stays. */
	async unsubscribe(actor: Actor, shopId: string, input: unknown): Promise<void> {
		const shop = await this.managedShop(actor, shopId);
		const parsed = unsubscribeSchema.safeParse(input);
		if (!parsed.success) throw new ValidationError('push.invalid');
		await this.db.deleteFrom('push_subscription').where('shop_id', '=', shop.id).where('endpoint', '=', parsed.data.endpoint).execute();
	}

	/** Stops pushes to every phone of the shop (a lost phone, or a browser without JavaScript). Returns how many. */
	async unsubscribeAll(actor: Actor, shopId: string): Promise<number> {
		const shop = await this.managedShop(actor, shopId);
		const r = await this.db.deleteFrom('push_subscription').where('shop_id', '=', shop.id).executeTakeFirst();
		return Number(r.numDeletedRows);
	}

	async subscriptionCount(actor: Actor, shopId: string): Promise<number> {
		const shop = await this.shops.findById(shopId);
		if (!shop) throw new NotFoundError('error.notFound.shopUnnamed');
		requireShopManagerOr(actor, shop, () => new NotFoundError('error.notFound.shopUnnamed'));
		const r = await this.db.selectFrom('push_subscription').select((eb) => eb.fn.countAll().as('n')).where('shop_id', '=', shop.id).executeTakeFirstOrThrow();
		return Number(r.n);
	}

	/** Tells every subscribed browser of the shop; returns how many push services accepted the message. */
	async notifyShop(shopId: string, message: PushMessage): Promise<number> {
		const subs = await this.db.selectFrom('push_subscription').selectAll().where('shop_id', '=', shopId).orderBy('created_at', 'desc').limit(MAX_SUBSCRIPTIONS_PER_SHOP).execute();
		if (subs.length === 0) return 0;
		const { publicKey, privateKey } = await this.vapid();
		const payload = JSON.stringify(message);
		let sent = 0;
		await Promise.all(
			subs.map(async (s) => {
				// Rows stored before the allow-list (or an origin no longer listed) are never sent to, and are dropped.
				if (!isAllowedPushEndpoint(s.endpoint, this.extraOrigins)) {
					await this.db.deleteFrom('push_subscription').where('id', '=', s.id).execute();
					return;
				}
				try {
					// generateRequestDetails signs and encrypts (aes128gcm); sending with fetch lets us refuse redirects and time out.
					const req = webpush.generateRequestDetails({ endpoint: s.endpoint, keys: { p256dh: s.p256dh, auth: s.auth } }, payload, {
						vapidDetails: { subject: this.options.subject, publicKey, privateKey },
						TTL: 60 * 60 * 12,
						urgency: 'high'
					});
					const res = await fetch(req.endpoint, {
						method: req.method,
						headers: req.headers as Record<string, string>,
						body: new Uint8Array(req.body as Buffer),
						redirect: 'manual',
						signal: AbortSignal.timeout(this.options.sendTimeoutMs ?? PUSH_SEND_TIMEOUT_MS)
					});
					await res.body?.cancel().catch(() => undefined);
					if (res.status === 404 || res.status === 410) await this.db.deleteFrom('push_subscription').where('id', '=', s.id).execute();
					else if (res.status >= 200 && res.status < 300) sent++;
				} catch {
					/* push is best effort: an unreachable or slow push service must not fail the order */
				}
			})
		);
		return sent;
	}
}
