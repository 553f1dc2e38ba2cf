import { describe, expect, it } from 'vitest';
import { funnelPosition, type FunnelFacts } from '../../src/lib/server/members/funnel';

const none: FunnelFacts = { invited: '2024-10-01T00:00:00.000Z', account: null, profile: null, first_product: null, good_listing: null, first_order: null, first_completed: null, regular: null };

describe('funnelPosition', () => {
	it('should stand at invited, since the day the member was listed, when nothing else happened', () => {
		expect(funnelPosition(none)).toEqual({ level: 'invited', since: none.invited, next: 'account' });
	});

	it('should count a published product as passed first_product even without a login', () => {
		expect(funnelPosition({ ...none, first_product: '2024-11-28T03:00:00.000Z' })).toEqual({ level: 'first_product', since: '2024-11-28T03:00:00.000Z', next: 'good_listing' });
	});

	it('should date the level by when it was reached, even when an earlier level came later', () => {
		// the facilitator published the product first; the seller made their login a week later
		const pos = funnelPosition({ ...none, first_product: '2024-11-01T03:00:00.000Z', account: '2024-11-08T03:00:00.000Z', first_order: '2024-11-20T03:00:00.000Z' });
		expect(pos).toEqual({ level: 'first_order', since: '2024-11-20T03:00:00.000Z', next: 'first_completed' });
	});

	it('should end at regular with no next level', () => {
		expect(funnelPosition({ ...none, account: '2024-10-02T00:00:00.000Z', regular: '2024-11-01T00:00:00.000Z' })).toMatchObject({ level: 'regular', next: null });
	});
});
