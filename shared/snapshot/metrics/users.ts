import { z } from 'zod';
import { Timestamp } from './common.js';

/** One login session. */
export const UserSession = z.object({
  user: z.string(),
  terminal: z.string().nullable(),
  host: z.string().nullable().describe('Remote host for remote sessions, else null'),
  login_at: Timestamp.nullable(),
  pid: z.number().int().nullable(),
});
export type UserSession = z.infer<typeof UserSession>;

/** Logged-in sessions. */
export const UsersSection = z.object({ sessions: z.array(UserSession) });
export type UsersSection = z.infer<typeof UsersSection>;
