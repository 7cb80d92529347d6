import { mkdtempSync, rmSync, statSync, writeFileSync, chmodSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { decrypt, encrypt, isEncrypted, readKeyId } from '../../../../electron/core/crypto/envelope.js';
import { generateKeyFile, keyId, loadKeyFile, newKey } from '../../../../electron/core/crypto/keyfile.js';

const dir = mkdtempSync(join(tmpdir(), 'ais-crypto-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('AES-256-GCM envelope', () => {
  it('round-trips any bytes and writes the versioned header (magic, version, key id, nonce)', () => {
    const k = newKey();
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 4096 }), (plain) => {
        const enc = encrypt(plain, k);
        expect(isEncrypted(enc)).toBe(true);
        expect(enc.subarray(0, 4).toString('ascii')).toBe('AISE');
        expect(enc[4]).toBe(1);
        expect(enc[5]).toBe(k.id.length);
        expect(readKeyId(enc, 'x')).toBe(k.id);
        expect(enc.length).toBe(6 + k.id.length + 12 + plain.length + 16);
        expect(decrypt(enc, k, 'x').equals(Buffer.from(plain))).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it('never reuses a nonce: the same plaintext encrypts differently', () => {
    const k = newKey();
    const a = encrypt(Buffer.from('same'), k);
    const b = encrypt(Buffer.from('same'), k);
    expect(a.equals(b)).toBe(false);
  });

  it('a wrong key is one line naming the key id the object needs', () => {
    const k = newKey();
    const other = newKey();
    const enc = encrypt(Buffer.from('secret'), k);
    expect(() => decrypt(enc, other, 'obj')).toThrow(
      `This backup was encrypted with key ${k.id}, but the key file has key ${other.id}: use the key ${k.id}`,
    );
  });

  it('any tampered byte (header, nonce, ciphertext or tag) is an integrity error, never garbage', () => {
    const k = newKey();
    const enc = encrypt(Buffer.from('{"a":1, "payload": "some longer text here"}'), k);
    fc.assert(
      fc.property(
        fc.integer({ min: 6 + k.id.length, max: enc.length - 1 }),
        fc.integer({ min: 1, max: 255 }),
        (i, x) => {
          const bad = Buffer.from(enc);
          bad[i]! ^= x;
          expect(() => decrypt(bad, k, 'obj')).toThrow(/^Integrity check failed for obj/);
        },
      ),
      { numRuns: 100 },
    );
    // A changed key id in the header is caught before decryption, as a wrong key.
    const swapped = Buffer.from(enc);
    swapped[6] = swapped[6] === 0x61 ? 0x62 : 0x61;
    expect(() => decrypt(swapped, k, 'obj')).toThrow(/was encrypted with key/);
    expect(() => decrypt(enc.subarray(0, 20), k, 'obj')).toThrow(/Integrity check failed/);
    expect(() => decrypt(Buffer.from('plain text'), k, 'obj')).toThrow(
      'obj is not an encrypted AutoInfraSnap object',
    );
    const v2 = Buffer.from(enc);
    v2[4] = 2;
    expect(() => decrypt(v2, k, 'obj')).toThrow(
      'obj uses encryption format version 2; this version reads only 1',
    );
  });
});

describe('key files', () => {
  it('key generate writes a 0600 file, refuses to overwrite without force, and loads back', async () => {
    const path = join(dir, 'sub', 'backup.key');
    const k = await generateKeyFile(path);
    if (process.platform !== 'win32') expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(k.id).toBe(keyId(k.key));
    expect(k.id).toMatch(/^[0-9a-f]{16}$/);
    const loaded = await loadKeyFile(path);
    expect(loaded.key.equals(k.key)).toBe(true);
    await expect(generateKeyFile(path)).rejects.toThrow(/already exists: pass --force/);
    const k2 = await generateKeyFile(path, true);
    expect(k2.id).not.toBe(k.id);
  });

  it('refuses a key file other users can read, a missing one and a foreign one', async () => {
    const path = join(dir, 'open.key');
    await generateKeyFile(path);
    if (process.platform !== 'win32') {
      chmodSync(path, 0o644);
      await expect(loadKeyFile(path)).rejects.toThrow(
        `Key file ${path} is readable by other users (mode 0644): run chmod 600 ${path}`,
      );
    }
    await expect(loadKeyFile(join(dir, 'none.key'))).rejects.toThrow(
      /does not exist: run autoinfrasnap key generate/,
    );
    const foreign = join(dir, 'foreign.key');
    writeFileSync(foreign, JSON.stringify({ kind: 'other', key: 'AAAA' }), { mode: 0o600 });
    await expect(loadKeyFile(foreign)).rejects.toThrow(/is not an AutoInfraSnap key/);
    // The id on disk is never trusted: it is recomputed from the key.
    const doctored = join(dir, 'doctored.key');
    const doc = JSON.parse(readFileSync(join(dir, 'sub', 'backup.key'), 'utf8'));
    writeFileSync(doctored, JSON.stringify({ ...doc, id: 'ffffffffffffffff' }), { mode: 0o600 });
    expect((await loadKeyFile(doctored)).id).not.toBe('ffffffffffffffff');
  });
});
