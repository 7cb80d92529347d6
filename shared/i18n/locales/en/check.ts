/** Messages of the check feature (English, the reference catalog). */
export const check = {} as const;
