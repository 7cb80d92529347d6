/** Version of the snapshot document format; bumped on any incompatible change. */
export const SCHEMA_VERSION = 1;
