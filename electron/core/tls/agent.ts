import { X509Certificate } from 'node:crypto';
import { readFile } from '../os/fs-async.js';
import { Agent, type AgentOptions } from 'node:https';
import { userError } from '../messages.js';

const PEM_CERT = /-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g;

/**
 * The certificates of a PEM bundle (one or more `BEGIN CERTIFICATE` blocks), each checked to parse;
 * `label` names where it came from in the error (a file path, or "ca" for inline PEM).
 */
export function parseCaPem(pem: string, label: string): string[] {
  const blocks = pem.match(PEM_CERT) ?? [];
  if (blocks.length === 0) throw userError('config', 'server.tls.ca_not_pem', { file: label });
  for (const b of blocks) {
    try {
      new X509Certificate(b);
    } catch (e) {
      throw userError('config', 'server.tls.ca_bad', { file: label, detail: (e as Error).message }, e);
    }
  }
  return blocks;
}

/** Reads a CA bundle file (PEM); a missing, unreadable or non-certificate file is a one-line UserError. */
export async function readCaFile(path: string): Promise<string[]> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'error';
    throw userError('config', 'server.tls.ca_unreadable', { file: path, code }, e);
  }
  return parseCaPem(text, path);
}

/**
 * TLS options that trust exactly the given CA certificates and verify the peer: for node:https,
 * node:tls and undici's `connect`. Verification is never turned off here; a caller that needs the
 * system's public roots instead passes no CA at all and uses the default agent.
 */
export function caTlsOptions(ca: readonly string[]): { ca: string[]; rejectUnauthorized: true } {
  if (ca.length === 0) throw userError('config', 'server.tls.ca_not_pem', { file: 'ca' });
  return { ca: [...ca], rejectUnauthorized: true };
}

/** A node:https Agent that trusts only `ca` (PEM certificates) and always verifies the server. */
export function caAgent(ca: readonly string[], options: AgentOptions = {}): Agent {
  return new Agent({ keepAlive: true, maxSockets: 4, ...options, ...caTlsOptions(ca) });
}

/**
 * A node:https Agent for a CA given as a file path or inline PEM (what the settings of a remote host
 * hold): the fleet view and the CLI build their HTTPS clients with it.
 */
export async function agentFromCa(
  source: { file?: string; pem?: string },
  options: AgentOptions = {},
): Promise<Agent> {
  const ca = source.pem !== undefined ? parseCaPem(source.pem, 'ca') : await readCaFile(source.file ?? '');
  return caAgent(ca, options);
}
