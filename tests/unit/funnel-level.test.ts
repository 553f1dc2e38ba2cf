import { describe, expect, it } from 'vitest';
import { funnelPosition, type FunnelFacts } from '../../src/lib/server/members/funnel';

const none: FunnelFacts = { invited: '2024-10-01T00:00:00.000Z', account: null, profile: null, first_product: null, good_listing: null, first_visitor: null, first_order: null, first_completed: null, regular: null };

describe('funnelPosition', () => {
	it('should stand at invited, since the day the member was listed, when nothing else happened', () => {
		expect(funnelPosition(none)).toEqual({ level: 'invited', since: none.invited, next: 'account' });
	});

	it('should keep a member without a login at invited even when a product is live: next, make the account', () => {
		expect(funnelPosition({ ...none, first_product: '2024-11-28T03:00:00.000Z' })).toEqual({ level: 'invited', since: none.invited, next: 'account' });
	});

	it('should stop at the first step not done, even when later ones happened (an order before the profile)', () => {
		const pos = funnelPosition({ ...none, first_product: '2024-11-01T03:00:00.000Z', account: '2024-11-08T03:00:00.000Z', first_order: '2024-11-20T03:00:00.000Z' });
		expect(pos).toEqual({ level: 'account', since: '2024-11-08T03:00:00.000Z', next: 'profile' });
	});

	it('should never date a step before the step under it', () => {
		// the facilitator published the product first; the seller made their login and profile a week later
		const pos = funnelPosition({ ...none, account: '2024-11-08T03:00:00.000Z', profile: '2024-11-09T03:00:00.000Z', first_product: '2024-11-01T03:00:00.000Z' });
		expect(pos).toEqual({ level: 'first_product', since: '2024-11-09T03:00:00.000Z', next: 'good_listing' });
	});

	it('should wait at good_listing for the first visitor, then go on to first_order', () => {
		const listed = { account: '2024-10-02T00:00:00.000Z', profile: '2024-10-03T00:00:00.000Z', first_product: '2024-10-04T00:00:00.000Z', good_listing: '2024-10-05T00:00:00.000Z' };
		expect(funnelPosition({ ...none, ...listed })).toEqual({ level: 'good_listing', since: '2024-10-05T00:00:00.000Z', next: 'first_visitor' });
		expect(funnelPosition({ ...none, ...listed, first_visitor: '2024-10-06T17:00:00.000Z' })).toEqual({ level: 'first_visitor', since: '2024-10-06T17:00:00.000Z', next: 'first_order' });
	});

	it('should end at regular with no next level', () => {
		const all = { account: '2024-10-02T00:00:00.000Z', profile: '2024-10-03T00:00:00.000Z', first_product: '2024-10-04T00:00:00.000Z', good_listing: '2024-10-05T00:00:00.000Z', first_visitor: '2024-10-05T17:00:00.000Z', first_order: '2024-10-06T00:00:00.000Z', first_completed: '2024-10-07T00:00:00.000Z' };
		expect(funnelPosition({ ...none, ...all, regular: '2024-11-01T00:00:00.000Z' })).toMatchObject({ level: 'regular', next: null });
	});
});
