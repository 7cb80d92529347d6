/** Messages of the report feature (English, the reference catalog). */
export const report = {} as const;
