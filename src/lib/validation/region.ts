/** A region that has regions below it: province `32`, regency/city `32.08` or district `32.08.18` (Kemendagri). */
export const PARENT_REGION_CODE = /^\d{2}(\.\d{2}){0,2}$/;
