/**
 * Messages for: Cash book: receivables and payables, order postings, orders API (issue 11).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enDebts` enforces it).
 */
export const idDebts = {} satisfies Record<string, string>;

export const enDebts: Record<keyof typeof idDebts, string> = {};
