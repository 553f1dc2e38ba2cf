import { translator } from '../../i18n';
import { log } from '../observability/logger';
import { formatRupiah } from '../../utils/money';
import type { CheckoutView } from '../orders/order.service';
import type { Services } from '../services';

/**
 * Tells each shop of a new checkout by Web Push (to the phones its seller subscribed), in the community's
 * language. Not awaited: the buyer's page never waits for a push service, and a failed push is only logged.
 */
export function notifySellers(services: Services, view: CheckoutView): void {
	const t = translator('id');
	for (const o of view.orders) {
		services.push
			.notifyShop(o.shop.id, { title: t('push.newOrder', { code: o.code }), body: t('push.newOrderBody', { name: view.buyer.name, total: formatRupiah(o.total) }), url: `/jual/pesanan/${o.id}` })
			.catch((e) => log.warn({ err: e, shop: o.shop.id }, 'push to a seller failed'));
	}
}
