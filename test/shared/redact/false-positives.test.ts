// Text that merely mentions a secret word, or carries ordinary options, must come back untouched; and a
// second redaction must never change a first one's output.
import { describe, expect, it } from 'vitest';
import { createRedactor } from '../../../shared/redact/index.js';
import { FAKE, redactOnce } from './helpers.js';

const UNCHANGED = [
  // Switches and names that only mention a secret word.
  'app --no-password --verbose',
  'password-store show',
  '/usr/bin/password-store --help',
  'ansible-playbook --ask-pass --ask-vault-pass site.yml',
  'gh auth login --with-token',
  'app --use-token --enable-auth --prompt-password',
  'docker login --password-stdin ghcr.io',
  'vault write auth/approle/login role_id=abc',
  // Paths to secret files are shown: useful, and not the secret itself.
  'app --password-file=/run/secrets/db',
  'app --token-file /var/run/secrets/token',
  'kubelet --tls-private-key-file=/etc/kubernetes/pki/kubelet.key',
  'ansible --private-key ~/.ssh/id_ed25519',
  'GOOGLE_APPLICATION_CREDENTIALS=/etc/gcp/sa.json app',
  'app --key=/etc/tls/server.key --cert=/etc/tls/server.crt',
  'ssh-add --key ~/.ssh/id_rsa',
  // Ordinary options and ports.
  'postgres --port=5432 -p 5432',
  'ssh -p 22 host',
  'ssh -p2222 host',
  'docker run -p 8080:80 -p3306:3306 --name mysql mysql:8',
  'mysql -p shop',
  'mysql -u root -p -h db',
  'mysqld --datadir=/var/lib/mysql --port=3306',
  'rsync -av -p /var/lib/mysql -p8080 backup:',
  'curl -u admin https://x',
  'ffmpeg -i in.mp4 -pass 1 -f null /dev/null',
  'ssh -o PasswordAuthentication=no host',
  'sshd: /usr/sbin/sshd -D [listener] 0 of 10-100 startups',
  'app --max-tokens 100 --tokenizer bpe --token-ttl=3600',
  'app --auth-method=oidc --password-min-length=12 --secret-name=db-creds',
  // Environment that looks sensitive but is not.
  'PWD=/home/alice OLDPWD=/tmp SHELL=/bin/bash',
  'TOKENIZERS_PARALLELISM=false',
  'SSH_AUTH_SOCK=/run/user/1000/ssh-agent.socket',
  'KEY=value',
  // URLs without a password, and text around the word bearer/auth.
  'git clone ssh://git@github.com:22/o/r.git',
  'https://user@example.com/x http://[::1]:8080/a https://x/a?b=c:d@e',
  'unix:///var/run/docker.sock',
  'the bearer bond is valid',
  'Authorization header missing',
  'password: ',
  '{"password":null,"token":""}',
  '{"auth":{"user":"a"}}',
  'sha=3f2a9c0b1d4e5f60718293a4b5c6d7e8f9012345 tree',
  `${'a'.repeat(40)} base64ish ${'Ab'.repeat(20)}`,
  'Fri May 3 12:00:00 UTC 2024 - key rotation done, credentials ok',
];

describe('benign text', () => {
  it.each(UNCHANGED)('%s', (text) => {
    const { out, total } = redactOnce(text);
    expect(out).toBe(text);
    expect(total).toBe(0);
  });
});

describe('idempotence on the table shapes', () => {
  const samples = [
    'app --password="a b c" --token x DB_PASSWORD=y',
    '{"password":"x","nested":{"apiKey":"y"}}',
    'mysql -pX; sshpass -p Y ssh -p 22 h',
    `curl -H "Authorization: Bearer ${FAKE.jwt}" https://u:p@h/?access_token=t&x=1`,
    `GH=${FAKE.ghp} ${FAKE.akia} ${FAKE.awsSecret} ${FAKE.xoxb}`,
    '-----BEGIN RSA PRIVATE KEY-----\nabc\n-----END RSA PRIVATE KEY-----',
    'a,password=x,b=1 Server=h;Password=p;',
    '{"password":{"password":{"password":',
    '--password="unterminated and more',
    'Authorization: Bearer',
  ];
  it.each(samples)('%s', (text) => {
    const r = createRedactor();
    const once = r.redact(text);
    const total = r.total();
    expect(r.redact(once)).toBe(once);
    expect(r.total()).toBe(total);
  });
});
