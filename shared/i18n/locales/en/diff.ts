/** Messages of the diff feature (English, the reference catalog). */
export const diff = {} as const;
