import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { requireScope, type Access } from './access.js';
import { HttpError, readBody, sendJson, validate } from './http.js';
import { KEY_NAME, Scope, type Principal } from './keys.js';

/** Largest body of a key request: a name and a scope. */
const KEY_BODY_LIMIT = 4 * 1024;

const CreateKey = z.object({
  name: z.string().regex(KEY_NAME, 'expected 1 to 64 letters, digits, spaces, dots, dashes or underscores'),
  scope: Scope,
});

/**
 * `/api/v1/keys` (admin only): GET lists the keys without secrets, POST makes one and returns it this
 * once, DELETE `/api/v1/keys/:id` revokes one and ends its sessions. Each change is audit-logged.
 */
export async function handleKeys(
  req: IncomingMessage,
  res: ServerResponse,
  sub: string,
  who: Principal,
  access: Access,
): Promise<void> {
  const method = req.method ?? 'GET';
  const audit = (action: string, status: number, detail: Record<string, string>): void =>
    access.record(req, who, action, status, detail);
  try {
    requireScope(who, 'admin');
  } catch (e) {
    audit(sub === '' ? 'keys' : 'keys:revoke', 403, {});
    throw e;
  }
  if (sub === '') {
    if (method === 'GET' || method === 'HEAD') return sendJson(res, 200, { keys: access.keys.list() });
    if (method === 'POST') {
      const type = (req.headers['content-type'] ?? '').split(';')[0]!.trim().toLowerCase();
      const text = await readBody(req, KEY_BODY_LIMIT);
      if (type !== 'application/json')
        throw new HttpError(415, 'unsupported_media_type', 'send the body as application/json');
      let input: unknown;
      try {
        input = JSON.parse(text || '{}');
      } catch (e) {
        throw new HttpError(400, 'bad_json', `the body is not valid JSON: ${(e as Error).message}`);
      }
      const { name, scope } = validate(CreateKey, input);
      const { info, key } = await access.keys.create(name, scope);
      audit('keys:create', 201, { id: info.id, name: info.name, scope: info.scope });
      return sendJson(res, 201, { ...info, key });
    }
    throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on /api/v1/keys`);
  }
  const id = sub.slice(1);
  if (!/^[0-9a-f]{12}$/.test(id)) throw new HttpError(404, 'not_found', `no key "${id}"`);
  if (method !== 'DELETE')
    throw new HttpError(405, 'method_not_allowed', `${method} is not allowed on /api/v1/keys/${id}`);
  const r = await access.keys.revoke(id);
  if (r === 'missing') throw new HttpError(404, 'not_found', `no key "${id}"`);
  if (r === 'last_admin') {
    audit('keys:revoke', 409, { id });
    throw new HttpError(
      409,
      'last_admin_key',
      'this is the only admin key; create another admin key first, then revoke this one',
    );
  }
  access.auth.sessions.revokeKey(id);
  audit('keys:revoke', 200, { id });
  sendJson(res, 200, { ok: true, id });
}
