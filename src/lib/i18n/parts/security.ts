/**
 * Messages for: Security, throttling, limits (issue 8).
 * Kept in a file of their own so that work on one area does not collide with another; id.ts and en.ts
 * spread them in. Every key here needs both languages (the type of `enSecurity` enforces it).
 */
export const idSecurity = {
} as const;

export const enSecurity: Record<keyof typeof idSecurity, string> = {
};
