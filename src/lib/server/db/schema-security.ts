/**
 * Tables for one area of work, kept apart so parallel work does not collide in schema.ts.
 * Replace the placeholder with `export interface SecurityTables { table_name: TableType; … }` and the table types.
 */
export type SecurityTables = Record<never, never>;
