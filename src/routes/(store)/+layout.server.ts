/** Public pages are rendered on the server and send no JavaScript: they must work on any phone. */
export const csr = false;
