import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { userError } from '../messages.js';

/**
 * Client-side encryption of backups: AES-256-GCM with a versioned header. Layout (big-endian):
 *
 *   magic "AISE" (4) · version (1) · key-id length (1) · key id (ASCII) · nonce (12) · ciphertext · tag (16)
 *
 * The whole header is GCM's additional authenticated data, so a changed key id, version or nonce fails
 * the integrity check like a changed byte of ciphertext does: decryption yields the original bytes or
 * an error, never garbage.
 */
export const MAGIC = Buffer.from('AISE', 'ascii');
/** The only format version this build writes and reads. */
export const FORMAT_VERSION = 1;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;

/** An AES-256 key with the id stored in every header it encrypts. */
export interface EncryptionKey {
  /** Short public identifier (hex), derived from the key; names the key in errors. */
  id: string;
  /** The 32 secret bytes. */
  key: Buffer;
}

/** True when the bytes start with the envelope's magic. */
export function isEncrypted(bytes: Uint8Array): boolean {
  return bytes.length >= MAGIC.length && Buffer.from(bytes.subarray(0, 4)).equals(MAGIC);
}

/** Encrypts `plain` with a fresh random nonce. */
export function encrypt(plain: Uint8Array, k: EncryptionKey): Buffer {
  const id = Buffer.from(k.id, 'ascii');
  const nonce = randomBytes(NONCE_BYTES);
  const header = Buffer.concat([MAGIC, Buffer.from([FORMAT_VERSION, id.length]), id, nonce]);
  const cipher = createCipheriv('aes-256-gcm', k.key, nonce, { authTagLength: TAG_BYTES });
  cipher.setAAD(header);
  const body = Buffer.concat([cipher.update(plain), cipher.final()]);
  return Buffer.concat([header, body, cipher.getAuthTag()]);
}

/** The key id an encrypted object names in its header, without decrypting it. */
export function readKeyId(bytes: Uint8Array, label: string): string {
  return parseHeader(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), label).keyId;
}

function parseHeader(
  buf: Buffer,
  label: string,
): { keyId: string; header: Buffer; nonce: Buffer; body: Buffer; tag: Buffer } {
  if (!isEncrypted(buf)) throw userError('corrupt', 's3.key.not_encrypted', { label });
  const version = buf[4]!;
  if (version !== FORMAT_VERSION)
    throw userError('corrupt', 's3.key.version', { label, version, supported: FORMAT_VERSION });
  const idLen = buf[5]!;
  const headerLen = 6 + idLen + NONCE_BYTES;
  if (buf.length < headerLen + TAG_BYTES) throw userError('corrupt', 's3.key.tampered', { label });
  return {
    keyId: buf.subarray(6, 6 + idLen).toString('ascii'),
    header: buf.subarray(0, headerLen),
    nonce: buf.subarray(6 + idLen, headerLen),
    body: buf.subarray(headerLen, buf.length - TAG_BYTES),
    tag: buf.subarray(buf.length - TAG_BYTES),
  };
}

/**
 * Decrypts an envelope. A key id that is not `k`'s is a one-line error naming both ids; any changed
 * byte is an integrity error (`label` names the object in both).
 */
export function decrypt(bytes: Uint8Array, k: EncryptionKey, label: string): Buffer {
  const { keyId, header, nonce, body, tag } = parseHeader(
    Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    label,
  );
  if (keyId !== k.id) throw userError('usage', 's3.key.wrong', { wanted: keyId, have: k.id });
  const decipher = createDecipheriv('aes-256-gcm', k.key, nonce, { authTagLength: TAG_BYTES });
  decipher.setAAD(header);
  decipher.setAuthTag(tag);
  try {
    return Buffer.concat([decipher.update(body), decipher.final()]);
  } catch (err) {
    throw userError('corrupt', 's3.key.tampered', { label }, err);
  }
}
