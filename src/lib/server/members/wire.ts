import type { Kysely } from 'kysely';
import type { DB } from '../db/schema';
import type { ShopRepository } from '../shops/shop.repository';
import type { AccountRepository } from '../accounts/account.repository';
import type { AuthService } from '../accounts/auth.service';
import type { RateLimiter } from '../security/rate-limit';
import { ProgramRepository } from '../program/program.repository';
import { RosterRepository } from './roster.repository';
import { RosterService } from './roster.service';
import { FunnelRepository } from './funnel.repository';
import { FunnelService } from './funnel.service';
import { MemberIoService } from './member-io.service';
import { MentoringRepository } from './mentoring.repository';
import { MentoringService } from './mentoring.service';

/** The members' area services (roster, funnel, import/export, mentoring), wired for createServices. */
export function createMemberServices(deps: { db: Kysely<DB>; shopRepo: ShopRepository; accountRepo: AccountRepository; auth: AuthService; limiter: RateLimiter; clock?: () => Date }) {
	const { db, clock } = deps;
	const rosterRepo = new RosterRepository(db);
	const funnel = new FunnelService(new FunnelRepository(db), new ProgramRepository(db), clock);
	const roster = new RosterService(rosterRepo, deps.shopRepo, deps.accountRepo, deps.auth, funnel, db);
	return {
		roster,
		funnel,
		memberFiles: new MemberIoService(rosterRepo, roster, deps.accountRepo, deps.limiter, clock),
		mentoring: new MentoringService(new MentoringRepository(db), rosterRepo, clock)
	};
}
