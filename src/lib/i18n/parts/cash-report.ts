/**
 * Messages for: Cash book: summaries, charts, exports, monthly statement, sharing with the program (issue 11).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enCashReport` enforces it).
 */
export const idCashReport = {} satisfies Record<string, string>;

export const enCashReport: Record<keyof typeof idCashReport, string> = {};
