import { sql, type Kysely } from 'kysely';
import type { DB, Dialect, Product, Shop } from '../db/schema';
import { TrainingRepository } from '../training/training.repository';
import { programGain } from '../training/figures';
import type { GroupGain } from '../training/gain';

/** One community's figures in the platform comparison (all time). */
export interface CommunityFigures {
	id: string;
	slug: string;
	name: string;
	regionCode: string;
	province: string;
	regency: string;
	/** Roster rows (sellers in the program). */
	members: number;
	/** Active shops with at least one published product: the shops a buyer can find. */
	shopsReady: number;
	/** Published products of active shops. */
	products: number;
	/** Orders placed and not cancelled. */
	orders: number;
	/** Completed orders' totals, rupiah. */
	turnover: number;
}

/** A community's newest program and its knowledge gain so far (held sessions, members present at both tests). */
export interface ProgramGainRow {
	programName: string;
	gain: GroupGain;
}

export interface SuspendedRow {
	kind: 'shop' | 'product';
	id: string;
	name: string;
	shopName: string;
	communitySlug: string;
	reason: string;
}

/** Platform-wide reads for the admin pages: one grouped query per figure, whatever the number of communities. */
export class AdminRepository {
	constructor(
		private readonly db: Kysely<DB>,
		private readonly dialect: Dialect
	) {}

	async communityFigures(): Promise<CommunityFigures[]> {
		const [communities, members, shops, orders] = await Promise.all([
			this.db.selectFrom('community').select(['id', 'slug', 'name', 'region_code', 'province', 'regency']).orderBy('province').orderBy('regency').orderBy('name').execute(),
			this.db.selectFrom('member').select(['community_id', (eb) => eb.fn.countAll().as('n')]).groupBy('community_id').execute(),
			// Shops ready and their products in one pass: published products counted per shop first (PostgreSQL reads
			// product_shop_idx alone), then summed over active shops (bench/scale.ts: the two queries joined 500,000
			// products with 25,000 shops each). A product belongs to its shop's community.
			this.db
				.selectFrom('shop as s')
				.innerJoin(
					(eb) => eb.selectFrom('product').where('status', '=', 'published').select(['shop_id', (c) => c.fn.countAll().as('n')]).groupBy('shop_id').as('p'),
					(j) => j.onRef('p.shop_id', '=', 's.id')
				)
				.where('s.status', '=', 'active')
				.select(['s.community_id', (eb) => eb.fn.countAll().as('ready'), (eb) => eb.fn.sum('p.n').as('products')])
				.groupBy('s.community_id')
				.execute(),
			this.orderFigures()
		]);
		const by = <T extends { community_id: string }>(rows: T[]) => new Map(rows.map((r) => [r.community_id, r]));
		const m = by(members);
		const s = by(shops);
		const o = by(orders);
		return communities.map((c) => ({
			id: c.id,
			slug: c.slug,
			name: c.name,
			regionCode: c.region_code,
			province: c.province,
			regency: c.regency,
			members: Number(m.get(c.id)?.n ?? 0),
			shopsReady: Number(s.get(c.id)?.ready ?? 0),
			products: Number(s.get(c.id)?.products ?? 0),
			orders: Number(o.get(c.id)?.placed ?? 0),
			turnover: Number(o.get(c.id)?.turnover ?? 0)
		}));
	}

	/**
	 * Every community's all-time orders placed and completed turnover (migration 0037): folds the deltas the shop_order
	 * triggers appended since the last read into `community_order_figures`, then reads it — the same figures as summing
	 * every order (tests/db/admin-figures.test.ts), at the cost of the orders since the last read instead of all of them.
	 * PostgreSQL takes exactly the delta rows it deletes (rows appended meanwhile stay for the next read); SQLite holds
	 * the write lock from the first statement, so nothing is appended between the sum and the delete.
	 */
	async orderFigures(): Promise<{ community_id: string; placed: number; turnover: number }[]> {
		return this.db.transaction().execute(async (trx) => {
			if (this.dialect === 'postgres') {
				await sql`WITH moved AS (DELETE FROM order_figure_delta RETURNING community_id, placed, turnover),
					sums AS (SELECT community_id, sum(placed) AS placed, sum(turnover) AS turnover FROM moved GROUP BY community_id ORDER BY community_id)
					INSERT INTO community_order_figures AS f (community_id, placed, turnover) SELECT community_id, placed, turnover FROM sums
					ON CONFLICT (community_id) DO UPDATE SET placed = f.placed + excluded.placed, turnover = f.turnover + excluded.turnover`.execute(trx);
			} else {
				await sql`INSERT INTO community_order_figures (community_id, placed, turnover)
					SELECT community_id, sum(placed), sum(turnover) FROM order_figure_delta WHERE true GROUP BY community_id ORDER BY community_id
					ON CONFLICT (community_id) DO UPDATE SET placed = placed + excluded.placed, turnover = turnover + excluded.turnover`.execute(trx);
				await sql`DELETE FROM order_figure_delta`.execute(trx);
			}
			const rows = await trx.selectFrom('community_order_figures').select(['community_id', 'placed', 'turnover']).execute();
			return rows.map((r) => ({ community_id: r.community_id, placed: Number(r.placed), turnover: Number(r.turnover) }));
		});
	}

	/** The community that already stands for this kelurahan/desa (one per region code). */
	async findCommunityByRegion(regionCode: string): Promise<{ slug: string; name: string } | undefined> {
		return this.db.selectFrom('community').select(['slug', 'name']).where('region_code', '=', regionCode).executeTakeFirst();
	}

	/** A shop by its address in the catalog (community slug + shop slug), whatever its status. */
	async findShopBySlugs(communitySlug: string, shopSlug: string): Promise<Shop | undefined> {
		return this.db
			.selectFrom('shop as s')
			.innerJoin('community as c', 'c.id', 's.community_id')
			.selectAll('s')
			.where('c.slug', '=', communitySlug)
			.where('s.slug', '=', shopSlug)
			.executeTakeFirst();
	}

	/** A product by its shop and its slug, whatever its status. */
	async findProductBySlug(shopId: string, slug: string): Promise<Product | undefined> {
		return this.db.selectFrom('product').selectAll().where('shop_id', '=', shopId).where('slug', '=', slug).executeTakeFirst();
	}

	/** Every shop and product taken down by an admin now, for the list with "restore" buttons. */
	async listSuspended(): Promise<SuspendedRow[]> {
		const [shops, products] = await Promise.all([
			this.db
				.selectFrom('shop as s')
				.innerJoin('community as c', 'c.id', 's.community_id')
				.select(['s.id', 's.name', 's.suspended_reason', 'c.slug as community_slug'])
				.where('s.suspended_reason', 'is not', null)
				.orderBy('s.name')
				.execute(),
			this.db
				.selectFrom('product as p')
				.innerJoin('shop as s', 's.id', 'p.shop_id')
				.innerJoin('community as c', 'c.id', 'p.community_id')
				.select(['p.id', 'p.name', 's.name as shop_name', 'p.suspended_reason', 'c.slug as community_slug'])
				.where('p.suspended_reason', 'is not', null)
				.orderBy('p.name')
				.execute()
		]);
		return [
			...shops.map((s) => ({ kind: 'shop' as const, id: s.id, name: s.name, shopName: s.name, communitySlug: s.community_slug, reason: s.suspended_reason ?? '' })),
			...products.map((p) => ({ kind: 'product' as const, id: p.id, name: p.name, shopName: p.shop_name, communitySlug: p.community_slug, reason: p.suspended_reason ?? '' }))
		];
	}

	/**
	 * Each community's newest program (by creation) and its normalised gain, computed by the rule the program's
	 * dashboard and report use (`programGain`). Three small reads per program, eight programs at a time.
	 */
	async newestProgramGains(now: Date): Promise<Map<string, ProgramGainRow>> {
		const programs = await this.db.selectFrom('program').select(['id', 'community_id', 'name', 'starts_on', 'ends_on']).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
		const newest = new Map<string, (typeof programs)[number]>();
		for (const p of programs) if (!newest.has(p.community_id)) newest.set(p.community_id, p);
		const repo = new TrainingRepository(this.db);
		const out = new Map<string, ProgramGainRow>();
		const queue = [...newest.values()];
		const worker = async () => {
			for (let p = queue.shift(); p; p = queue.shift()) out.set(p.community_id, { programName: p.name, gain: await programGain(repo, p, now) });
		};
		await Promise.all(Array.from({ length: Math.min(8, queue.length) }, worker));
		return out;
	}
}
