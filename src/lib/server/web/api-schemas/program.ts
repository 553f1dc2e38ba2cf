import { z } from 'zod';
import { day, instant, listOf } from './json-schema';

/** What a community's programs, their adoption funnel and indicators answer, and the visitor counts. */

const LEVELS = ['invited', 'account', 'profile', 'first_product', 'good_listing', 'first_order', 'first_completed', 'regular'] as const;

export const funnel = z.object({
	data: z.array(
		z.object({
			memberId: z.string(),
			name: z.string(),
			level: z.enum(LEVELS),
			since: instant.nullable().optional().meta({ description: 'When the member reached this level' }),
			next: z.enum(LEVELS).nullable().meta({ description: 'The next level to reach; null at regular' })
		})
	),
	counts: z.record(z.string(), z.int().min(0)).meta({ description: 'Every measured level as a key, with the number of members standing there' }),
	skipped: z.array(z.string()).optional()
});

const STAGE_KEYS = ['persiapan_sosial', 'dialog', 'asesmen', 'rencana', 'intervensi', 'evaluasi', 'terminasi'] as const;

export const programList = listOf(
	z.object({
		id: z.string(),
		name: z.string(),
		startsOn: day.nullable(),
		endsOn: day.nullable(),
		stages: z.array(z.object({ key: z.enum(STAGE_KEYS), name: z.string(), status: z.enum(['belum', 'berjalan', 'selesai']), startsOn: day.nullable(), endsOn: day.nullable() }))
	})
).meta({ description: 'Programs, newest first' });

export const indicatorList = listOf(
	z.object({
		key: z.string(),
		label: z.string(),
		unit: z.string(),
		baseline: z.number().nullable(),
		target: z.number().nullable(),
		value: z.number().nullable().meta({ description: 'null = no data yet' }),
		source: z.enum(['auto', 'manual']),
		metric: z.string().nullable().optional(),
		valueOn: day.nullable().optional().meta({ description: 'manual only: date of the value' }),
		month: z.string().nullable().optional().meta({ description: 'income_monthly / profit_monthly only: the WIB month (YYYY-MM) of the value' }),
		sharingShops: z.int().min(0).optional().meta({ description: "income_monthly / profit_monthly only: shops of the community that share their cash book's monthly totals" })
	})
);

const count = z.int().min(0);
const SOURCES = ['whatsapp', 'poster', 'shopee', 'search', 'social', 'direct'] as const;

export const visitorStats = z.object({
	countedSince: day
		.nullable()
		.meta({ description: 'The first day (WIB) this installation counted visits, when it falls inside the period: days before it are zeros because nothing was counted yet. null when the whole period was counted.' }),
	days: z
		.array(
			z.object({
				date: day.meta({ description: 'Calendar day in WIB (Asia/Jakarta)' }),
				views: count.meta({ description: 'Page views of the store pages (bots and prefetches not counted)' }),
				visitors: count.meta({ description: 'Different visitors that day (a daily salted hash of address + user agent; days cannot be linked, so visitors of several days are a sum of daily visitors)' }),
				whatsappClicks: count.meta({ description: 'Taps on the WhatsApp buttons' }),
				addToCart: count.meta({ description: 'Products put in a cart' }),
				orders: count.meta({ description: 'Orders placed (any status)' })
			})
		)
		.meta({ description: 'Every day of the period, oldest first, today last (days without visits are zeros)' }),
	sources: z.object(Object.fromEntries(SOURCES.map((s) => [s, count])) as Record<(typeof SOURCES)[number], typeof count>).meta({
		description:
			"Visitors per source over the period: `?src=` on the link, else the referring site (search engines → search, Facebook/Instagram/TikTok/t.co → social, wa.me/WhatsApp → whatsapp, Shopee → shopee), else direct. A page opened from another of our pages keeps the visitor's source of that day."
	})
});
