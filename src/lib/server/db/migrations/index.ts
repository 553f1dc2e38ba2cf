import type { Migration } from 'kysely';
import type { Dialect } from '../schema';
import { catalogMigration } from './0001-catalog';
import { accountsMigration } from './0002-accounts';
import { ordersMigration } from './0003-orders';

/**
 * Every migration, by name. Names sort in the order they were written; unordered landing is allowed
 * (see `migrate`) because areas of work get numbers in advance: 0004 security, 0005 seller/field,
 * 0006 program, 0007 training. Never edit a migration that has landed: add a new one.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
	return {
		'0001-catalog': catalogMigration(dialect),
		'0002-accounts': accountsMigration(),
		'0003-orders': ordersMigration()
	};
}
