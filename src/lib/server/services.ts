import { shareInFlight } from './cache/per-version';
import { join } from 'node:path';
import type { Database } from './db';
import { CommunityRepository } from './communities/community.repository';
import { CommunityService } from './communities/community.service';
import { ShopRepository } from './shops/shop.repository';
import { ShopService } from './shops/shop.service';
import { ShopAddressService } from './shops/shop-address.service';
import { ShopAddressRepository } from './shops/shop-address.repository';
import { BuyerOrderService } from './orders/buyer-orders.service';
import { ProductRepository } from './catalog/product.repository';
import { CatalogService } from './catalog/catalog.service';
import { FirstProductService } from './catalog/first-product.service';
import { AppKey } from './security/app-key';
import { ProductEditorService } from './catalog/product-editor.service';
import { FilesystemStorage, type MediaStorage } from './media/storage';
import { AccountRepository } from './accounts/account.repository';
import { AuthService } from './accounts/auth.service';
import { KnownDevices } from './accounts/known-device';
import { MemberService } from './accounts/member.service';
import { OrderRepository } from './orders/order.repository';
import { OrderService } from './orders/order.service';
import { SellerInboxService } from './orders/seller-inbox.service';
import { PaymentProofService } from './orders/payment-proof.service';
import { PushService } from './notifications/push.service';
import { RateLimiter } from './security/rate-limit';
import { ProgramRepository } from './program/program.repository';
import { IndicatorRepository } from './program/indicator.repository';
import { ProgramService } from './program/program.service';
import { TrainingRepository } from './training/training.repository';
import { TrainingPlanService } from './training/training-plan.service';
import { TrainingService } from './training/training.service';
import { BoardRepository } from './training/board.repository';
import { BoardService } from './training/board.service';
import { BoardHub } from './training/board-hub';
import { RoomRepository } from './training/room.repository';
import { RoomService } from './training/room.service';
import { HelpRepository } from './training/help.repository';
import { HelpService } from './training/help.service';
import { CheckinRepository } from './training/checkin.repository';
import { CheckinService } from './training/checkin.service';
import { FunnelRepository } from './members/funnel.repository';
import { createMemberServices } from './members/wire';
import { TestRepository } from './training/test.repository';
import { TestService } from './training/test.service';
import { EvaluationReportService } from './training/report.service';
import { IndicatorService } from './program/indicator.service';
import { AssessmentService } from './program/assessment.service';
import { AssessmentRepository } from './program/assessment.repository';
import { MetricsRepository } from './program/metrics.repository';
import { EvidenceService } from './program/evidence.service';
import { EvidenceRepository } from './program/evidence.repository';
import { CashbookService } from './cashbook/cashbook.service';
import { EntryRepository } from './cashbook/entry.repository';
import { CashReportRepository } from './cashbook/report.repository';
import { CashReportService } from './cashbook/report.service';
import { DebtRepository } from './cashbook/debt.repository';
import { DebtService } from './cashbook/debt.service';
import { OrderApiService } from './orders/order-api.service';
import { ShopeeExportService } from './reach/shopee-export.service';
import { ShopeeExportRepository } from './reach/shopee-export.repository';
import { PromoService } from './promo/promo.service';
import { PromoRepository } from './promo/promo.repository';
import { FeedRepository, SeoRepository } from './seo/seo.repository';
import { FeedService } from './seo/feed.service';
import { SitemapService } from './seo/sitemap.service';
import { ShareService } from './share/share.service';
import { VisitRepository } from './visits/visit.repository';
import { VisitService } from './visits/visit.service';
import { VisitStatsService } from './visits/visit-stats.service';
import { RegionRepository } from './regions/region.repository';
import { RegionService } from './regions/region.service';
import { AuditRepository } from './audit/audit.repository';
import { AuditLog } from './audit/audit-log';
import { AuditService } from './audit/audit.service';
import { AdminRepository } from './admin/admin.repository';
import { AdminService } from './admin/admin.service';
import { auditStaffActions } from './audit/staff-audit';

export interface ServiceDeps {
	database: Database;
	storage: MediaStorage;
	clock?: () => Date;
	/** VAPID subject (mailto: or https: URL) push services may contact; ECRAV_PUSH_SUBJECT. */
	pushSubject?: string;
	/** Origins Web Push may also be sent to besides the browsers' push services; PUSH_EXTRA_ALLOWED_ORIGINS. */
	pushExtraAllowedOrigins?: readonly string[];
	/** Visitor counting on (default) or off (ECRAV_VISITS=off). */
	visitsEnabled?: boolean;
	/** The visitor-salt seed a cluster's workers share (see VisitService); null in a single process. */
	visitSaltSeed?: Buffer | null;
}

/** Every service, wired once. Routes and tests use this; nothing else builds repositories. */
export function createServices({ database, storage, clock, pushSubject, pushExtraAllowedOrigins, visitsEnabled = true, visitSaltSeed = null }: ServiceDeps) {
	const { db, dialect } = database;
	const communityRepo = new CommunityRepository(db);
	const shopRepo = new ShopRepository(db);
	const productRepo = new ProductRepository(db, dialect);
	const accountRepo = new AccountRepository(db);
	const limiter = new RateLimiter(db, clock);
	const auth = new AuthService(accountRepo, limiter, clock, new KnownDevices(db, clock));
	const catalogVersionOf = shareInFlight((communityId: string) => communityRepo.findCatalogVersionById(communityId));
	const shops = new ShopService(shopRepo, storage, accountRepo, clock, catalogVersionOf);
	const trainingRepo = new TrainingRepository(db);
	const trainings = new TrainingService(trainingRepo, clock);
	const tests = new TestService(new TestRepository(db), trainingRepo, trainings, clock);
	const programRepo = new ProgramRepository(db);
	const indicatorRepo = new IndicatorRepository(db);
	const orderRepo = new OrderRepository(db);
	const orders = new OrderService(orderRepo, productRepo, shopRepo, storage, limiter, clock);
	const sellerInbox = new SellerInboxService(db, orderRepo, shopRepo, clock);
	const memberServices = createMemberServices({ db, shopRepo, accountRepo, auth, limiter, clock });
	const products = new ProductEditorService(productRepo, shopRepo, storage, clock);
	const boards = new BoardService(trainingRepo, new BoardRepository(db), new FunnelRepository(db), clock);
	const rooms = new RoomService(boards, trainingRepo, new FunnelRepository(db), new RoomRepository(db), new HelpRepository(db), clock);
	const visitRepo = new VisitRepository(db);
	const auditRepo = new AuditRepository(db);
	const auditLog = new AuditLog(auditRepo, clock);
	const regionRepo = new RegionRepository(db);
	const indicators = new IndicatorService(programRepo, indicatorRepo, new MetricsRepository(db, dialect), db, memberServices.funnel, clock);
	const communities = new CommunityService(communityRepo);
	const members = new MemberService(accountRepo, auth, shops, limiter);
	/** QR check-in without a login, confirmed by staff; personal check-in cards (issue 13 item 2). */
	const checkins = new CheckinService(trainingRepo, new CheckinRepository(db), auth, limiter, (issuer, member) => memberServices.roster.openAccount(issuer, { id: member.community_id }, member.id), clock);
	auditStaffActions(auditLog, { members, roster: memberServices.roster, auth, accounts: accountRepo, trainings, boards, checkins });
	const admin = new AdminService({ communities, communityRepo, regions: regionRepo, accounts: accountRepo, auth, members, shops: shopRepo, products: productRepo, audit: auditLog, admin: new AdminRepository(db, dialect), clock });
	return {
		database,
		storage,
		admin,
		auth,
		limiter,
		communities,
		shops,
		shopAddresses: new ShopAddressService(shops, new ShopAddressRepository(db), clock),
		members,
		catalog: new CatalogService(productRepo, shopRepo, clock, catalogVersionOf),
		share: new ShareService(productRepo, storage),
		products,
		firstProduct: new FirstProductService(products, productRepo, shopRepo, storage, new AppKey(db, 'first-product-photo', clock), clock),
		orders,
		buyerOrders: new BuyerOrderService(orders, orderRepo, limiter, clock),
		paymentProofs: new PaymentProofService(orderRepo, shopRepo, storage, limiter, clock),
		sellerInbox,
		orderApi: new OrderApiService(db, orderRepo, orders, sellerInbox),
		push: new PushService(db, shopRepo, { subject: pushSubject || 'mailto:admin@e-crav.invalid', extraAllowedOrigins: pushExtraAllowedOrigins }, clock),
		programs: new ProgramService(programRepo, indicatorRepo, clock),
		indicators,
		assessment: new AssessmentService(programRepo, new AssessmentRepository(db), clock),
		evidence: new EvidenceService(programRepo, new EvidenceRepository(db), storage, clock),
		trainings,
		boards,
		checkins,
		/** Live boards (Server-Sent Events): one poll per training however many screens watch it. */
		boardHub: new BoardHub(boards),
		/** The facilitator's list of the room: who is stuck, who asked for help. */
		rooms,
		/** "Minta bantuan" flags: raised by a member on the training day, cleared by the facilitator. */
		help: new HelpService(trainingRepo, new HelpRepository(db), limiter, clock),
		trainingPlans: new TrainingPlanService(db, trainings, clock),
		tests,
		reports: new EvaluationReportService(db, indicators, trainings, tests, clock, rooms),
		cashbook: new CashbookService(new EntryRepository(db), storage, clock),
		cashReports: new CashReportService(new CashReportRepository(db), clock),
		debts: new DebtService(new DebtRepository(db), shopRepo, clock),
		shopeeExports: new ShopeeExportService(new ShopeeExportRepository(db), shopRepo, productRepo, clock),
		promo: new PromoService(new PromoRepository(db), shopRepo, communityRepo, storage),
		sitemap: new SitemapService(new SeoRepository(db)),
		feeds: new FeedService(new FeedRepository(db), new CommunityService(communityRepo), shops),
		visits: new VisitService(visitRepo, clock, visitsEnabled, visitSaltSeed),
		visitStats: new VisitStatsService(visitRepo, shopRepo, communityRepo, clock),
		regions: new RegionService(regionRepo),
		audit: new AuditService(auditRepo),
		auditLog,
		...memberServices
	};
}

export type Services = ReturnType<typeof createServices>;

export function filesystemStorage(dataDir: string): MediaStorage {
	return new FilesystemStorage(join(dataDir, 'media'));
}
