// Limits that pages show beside their fields: plain constants, safe to import in the browser (no server code).

/** The longest note a buyer may leave a seller, in characters. */
export const NOTE_MAX = 500;
