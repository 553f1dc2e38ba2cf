import type { Migration } from 'kysely';
import type { Dialect } from '../schema';
import { catalogMigration } from './0001-catalog';
import { accountsMigration } from './0002-accounts';
import { ordersMigration } from './0003-orders';
import { securityMigration } from './0004-security';
import { sellerMigration } from './0005-seller';
import { membersMigration } from './0006-members';
import { programMigration } from './0007-program';
import { memberProfileMigration } from './0008-member-profile';
import { trainingMigration } from './0009-training';
import { security2Migration } from './0010-security-2';
import { security3Migration } from './0010-security-3';
import { fieldMigration } from './0012-field';
import { pushMigration } from './0013-push';
import { program2Migration } from './0016-program-2';
import { security5Migration } from './0017-security-5';
import { cashbookMigration } from './0018-cashbook';
import { cashbook3Migration } from './0020-cashbook-3';
import { trainingPlanMigration } from './0022-training-plan';
import { shopeeExportMigration } from './0023-shopee-export';
import { shopeeExport2Migration } from './0023-shopee-export-2';
import { cashbookTokensMigration } from './0027-cashbook-tokens';
import { catalogStockMigration } from './0028-catalog-stock';
import { trainingBoardMigration } from './0029-training-board';
import { visitsMigration } from './0030-visits';
import { visits2Migration } from './0031-visits-2';
import { regionsMigration } from './0032-regions';
import { trainingHelpMigration } from './0033-training-help';
import { adminAuditMigration } from './0034-admin-audit';
import { trainingCheckinMigration } from './0035-training-checkin';
import { scaleIndexesMigration } from './0036-scale-indexes';
import { orderFiguresMigration } from './0037-order-figures';

/**
 * Every migration, by name. Names sort in the order they were written; unordered landing is allowed
 * (see `migrate`) because areas of work get numbers in advance: 0004 security, 0005 field/seller,
 * 0006 members and programs (base tables, shared), 0007 program workspace, 0008 members' profile extras,
 * 0009 trainings, 0010 security (second round), 0012 buyer side of the field test, 0013 Web Push keyed by (shop, endpoint), 0016 the program report's relabelled indicators, 0017 only accounts with a password own their number/e-mail, 0018 the seller's cash book, 0020 its two program indicators for existing programs, 0022 trainings of a copied program waiting for their dates, 0023 Shopee bulk-upload exports (-2: their program indicator for existing programs), 0027 one-time form tokens of debts and payments, 0028 an order's stock change no longer empties the page cache (stock_version), 0029 board links of trainings, 0030 daily visitor counts (no raw hits; -2 0031: their program indicator for existing programs), 0032 official regions (Kemendagri codes, loaded by the CLI), 0033 "minta bantuan" flags and closed attendance of trainings, 0034 the audit log and admin suspension of shops/products, 0035 QR check-in claims and personal check-in cards, 0036 indexes from the scale simulation (bench/scale.ts), 0037 all-time order figures per community kept by triggers. Once a release has
 * shipped a migration, never edit it: add a new one.
 */
export function migrationsFor(dialect: Dialect): Record<string, Migration> {
	return {
		'0001-catalog': catalogMigration(dialect),
		'0002-accounts': accountsMigration(),
		'0003-orders': ordersMigration(),
		'0004-security': securityMigration(),
		'0005-seller': sellerMigration(dialect),
		'0006-members': membersMigration(),
		'0007-program': programMigration(dialect),
		'0008-member-profile': memberProfileMigration(),
		'0009-training': trainingMigration(),
		'0010-security-2': security2Migration(),
		'0010-security-3': security3Migration(),
		'0012-field': fieldMigration(),
		'0013-push': pushMigration(dialect),
		'0016-program-2': program2Migration(),
		'0017-security-5': security5Migration(dialect),
		'0018-cashbook': cashbookMigration(),
		'0020-cashbook-3': cashbook3Migration(),
		'0022-training-plan': trainingPlanMigration(),
		'0023-shopee-export': shopeeExportMigration(),
		'0023-shopee-export-2': shopeeExport2Migration(),
		'0027-cashbook-tokens': cashbookTokensMigration(),
		'0028-catalog-stock': catalogStockMigration(dialect),
		'0029-training-board': trainingBoardMigration(),
		'0030-visits': visitsMigration(),
		'0031-visits-2': visits2Migration(),
		'0032-regions': regionsMigration(),
		'0033-training-help': trainingHelpMigration(),
		'0034-admin-audit': adminAuditMigration(),
		'0035-training-checkin': trainingCheckinMigration(),
		'0036-scale-indexes': scaleIndexesMigration(),
		'0037-order-figures': orderFiguresMigration(dialect)
	};
}
