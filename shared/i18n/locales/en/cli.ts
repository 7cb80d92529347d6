/** Messages of the cli feature (English, the reference catalog). */
export const cli = {} as const;
