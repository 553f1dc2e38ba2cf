/**
 * Tables for one area of work, kept apart so parallel work does not collide in schema.ts.
 * Replace the placeholder with `export interface SellerTables { table_name: TableType; … }` and the table types.
 */
export type SellerTables = Record<never, never>;
