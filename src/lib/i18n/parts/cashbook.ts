/**
 * Messages for: Cash book: the ledger, quick entry, entries, categories, receipt photos (issue 11).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enCashbook` enforces it).
 */
export const idCashbook = {} satisfies Record<string, string>;

export const enCashbook: Record<keyof typeof idCashbook, string> = {};
