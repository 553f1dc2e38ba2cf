/**
 * Tables for one area of work, kept apart so parallel work does not collide in schema.ts.
 * Replace the placeholder with `export interface ProgramTables { table_name: TableType; … }` and the table types.
 */
export type ProgramTables = Record<never, never>;
