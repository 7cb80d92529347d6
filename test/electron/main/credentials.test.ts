// Electron's safeStorage cannot run here (no Electron binary, no keychain): FakeSafeStorage stands in
// for it — a reversible XOR "encryption" with the same async API, and a settable Linux backend name.
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SafeStorageCredentialStore, type SafeStorageLike } from '../../../electron/main/credentials.js';

class FakeSafeStorage implements SafeStorageLike {
  backend: ReturnType<SafeStorageLike['getSelectedStorageBackend']> = 'gnome_libsecret';
  available = true;
  rotate = false;
  encrypts = 0;
  async encryptStringAsync(plain: string): Promise<Buffer> {
    this.encrypts++;
    return Buffer.from(Buffer.from(plain, 'utf8').map((b) => b ^ 0x5a));
  }
  async decryptStringAsync(enc: Buffer): Promise<{ shouldReEncrypt: boolean; result: string }> {
    if (enc[0] === 0)
      throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
    return { shouldReEncrypt: this.rotate, result: Buffer.from(enc.map((b) => b ^ 0x5a)).toString('utf8') };
  }
  async isAsyncEncryptionAvailable(): Promise<boolean> {
    return this.available;
  }
  getSelectedStorageBackend() {
    return this.backend;
  }
}

const dir = mkdtempSync(join(tmpdir(), 'ais-cred-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const keys = {
  accessKeyId: 'AKIAEXAMPLEEXAMPLE12',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
};

describe('SafeStorageCredentialStore', () => {
  it('stores keys only encrypted, in a 0600 file, and reads them back', async () => {
    const safe = new FakeSafeStorage();
    const store = new SafeStorageCredentialStore(safe, join(dir, 'a', 's3-credentials.bin'), 'linux');
    expect(await store.get()).toBeNull();
    await store.set(keys);
    const raw = readFileSync(store.path);
    expect(raw.includes(Buffer.from(keys.secretAccessKey))).toBe(false);
    if (process.platform !== 'win32') expect(statSync(store.path).mode & 0o777).toBe(0o600);
    expect(await store.get()).toEqual(keys);
    await store.clear();
    expect(await store.get()).toBeNull();
  });

  it('flags the Linux basic_text fallback as weak, and only that', async () => {
    const safe = new FakeSafeStorage();
    const linux = new SafeStorageCredentialStore(safe, join(dir, 'b.bin'), 'linux');
    expect(await linux.weak()).toBe(false);
    safe.backend = 'basic_text';
    expect(await linux.weak()).toBe(true);
    expect(await new SafeStorageCredentialStore(safe, join(dir, 'c.bin'), 'darwin').weak()).toBe(false);
  });

  it('re-encrypts when the keychain asks to', async () => {
    const safe = new FakeSafeStorage();
    const store = new SafeStorageCredentialStore(safe, join(dir, 'd.bin'), 'linux');
    await store.set(keys);
    safe.rotate = true;
    expect(await store.get()).toEqual(keys);
    expect(safe.encrypts).toBe(2);
  });

  it('refuses to store without a keychain, and names damaged keys in one line without any secret', async () => {
    const safe = new FakeSafeStorage();
    safe.available = false;
    const store = new SafeStorageCredentialStore(safe, join(dir, 'e.bin'), 'linux');
    await expect(store.set(keys)).rejects.toThrow(/system keychain is not available/);
    const { writeFileSync } = await import('node:fs');
    writeFileSync(join(dir, 'e.bin'), Buffer.from([0, 1, 2]));
    const err = await store.get().catch((e: Error) => e);
    expect(String(err)).toMatch(/The stored S3 keys cannot be decrypted/);
  });
});
