// The built-in rules: their ids and documentation, and the order the passes run in. Specific shapes run
// before the generic key/value pass so the count names the most precise rule (`GITHUB_TOKEN=ghp_…`
// counts as github-token), and every pass skips values an earlier one already replaced.
import { KEY_RULE_IDS, redactKeyValues } from './keys.js';
import { redactProgramOptions } from './programs.js';
import { type Pass, REDACTED } from './scan.js';
import {
  redactAuthorizationHeaders,
  redactAwsKeyIds,
  redactAwsSecretKeys,
  redactBearerTokens,
  redactGithubTokens,
  redactJwts,
  redactPrivateKeys,
  redactSlackTokens,
  redactSlackWebhooks,
  redactUrlCredentials,
} from './tokens.js';

/** A built-in redaction rule as listed to users: its id (the key in counts) and what it catches. */
export interface RedactionRule {
  id: string;
  description: string;
  /** A sample input and what redaction makes of it; the tests check every one. */
  example: { input: string; output: string };
}

// Sample secrets are assembled at load time so that secret scanners do not flag this file.
const R = REDACTED;
const ghp = 'gh' + 'p_' + 'x7Kq2'.repeat(7) + 'z';
const xoxb = 'xo' + 'xb-' + '1234567890-0987654321-' + 'AbCdEfGhIjKlMnOpQrStUvWx';
const jwt = 'ey' + 'JhbGciOiJIUzI1NiJ9.' + 'ey' + 'JzdWIiOiIxMjM0In0.' + 'c2lnbmF0dXJlLXNpZw';
const akia = 'AK' + 'IAIOSFODNN7EXAMPLE';
const awsSecret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCY' + 'EXAMPLEKEY';

/** Every built-in rule, in the order it is applied. */
export const BUILTIN_RULES: readonly RedactionRule[] = [
  {
    id: 'private-key-block',
    description:
      'PEM and OpenSSH private key blocks (RSA, EC, DSA, ENCRYPTED, PGP); the BEGIN/END lines stay',
    example: {
      input: '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA7s\n-----END RSA PRIVATE KEY-----',
      output: `-----BEGIN RSA PRIVATE KEY-----\n${R}\n-----END RSA PRIVATE KEY-----`,
    },
  },
  {
    id: 'url-credentials',
    description: 'The password in scheme://user:password@host URLs of any scheme; scheme, user and host stay',
    example: {
      input: 'psql postgres://app:s3cr3t@db:5432/app',
      output: `psql postgres://app:${R}@db:5432/app`,
    },
  },
  {
    id: 'slack-webhook',
    description: 'The secret path of hooks.slack.com webhook URLs',
    example: {
      input: 'curl https://hooks.slack.com/services/T0001/B0001/AbCdEf123',
      output: `curl https://hooks.slack.com/services/${R}`,
    },
  },
  {
    id: 'authorization-header',
    description:
      'Credentials of Authorization / Proxy-Authorization headers; the scheme word (Bearer, Basic, token) stays',
    example: {
      input: 'curl -H "Authorization: Basic YWRtaW46c2VjcmV0" https://api',
      output: `curl -H "Authorization: Basic ${R}" https://api`,
    },
  },
  {
    id: 'bearer-token',
    description: '"Bearer <token>" outside an Authorization header',
    example: { input: 'probe --header=Bearer 9f8e7d6c5b4a', output: `probe --header=Bearer ${R}` },
  },
  {
    id: 'aws-secret-key',
    description:
      'AWS secret access keys (40 chars) after a secret-key name, or anywhere beside an access key id',
    example: { input: `aws_secret_access_key = ${awsSecret}`, output: `aws_secret_access_key = ${R}` },
  },
  {
    id: 'aws-access-key-id',
    description: 'AWS access key ids (AKIA…, ASIA… + 16)',
    example: { input: `AWS_KEY=${akia}`, output: `AWS_KEY=${R}` },
  },
  {
    id: 'github-token',
    description: 'GitHub tokens: ghp_, gho_, ghu_, ghs_, ghr_ and fine-grained github_pat_',
    example: { input: `GITHUB_TOKEN=${ghp}`, output: `GITHUB_TOKEN=${R}` },
  },
  {
    id: 'slack-token',
    description: 'Slack tokens: xoxb-, xoxp-, xoxa-, xoxr-, xoxs-, xoxe-, xapp-',
    example: { input: `notify --via ${xoxb}`, output: `notify --via ${R}` },
  },
  {
    id: 'jwt',
    description: 'JSON Web Tokens (eyJ….eyJ….signature)',
    example: { input: `client --session ${jwt}`, output: `client --session ${R}` },
  },
  {
    id: 'mysql-password-flag',
    description: 'mysql/mariadb tools’ glued -pPASSWORD (`-p value` with a space is a database name, kept)',
    example: { input: 'mysqldump -uroot -ps3cr3t shop', output: `mysqldump -uroot -p${R} shop` },
  },
  {
    id: 'cli-password-flag',
    description:
      'Password options of sshpass -p, redis-cli -a, ldap* -w, sqlcmd -P, mongo* -p, docker login -p, curl -u user:pass',
    example: { input: 'sshpass -p s3cr3t ssh -p 22 host', output: `sshpass -p ${R} ssh -p 22 host` },
  },
  {
    id: KEY_RULE_IDS.flag,
    description:
      'Values of secret-named flags: --password=x, --db-password x, --apiKey=x, -Dpassword=x, -storepass x',
    example: { input: 'app --db-password=s3cr3t --port=5432', output: `app --db-password=${R} --port=5432` },
  },
  {
    id: KEY_RULE_IDS.assignment,
    description:
      'Secret-named assignments: DB_PASSWORD=x, environment, properties, ?token=x query strings, Password=x; lists',
    example: { input: 'DB_PASSWORD="s3 cr3t" ./run', output: `DB_PASSWORD="${R}" ./run` },
  },
  {
    id: KEY_RULE_IDS.field,
    description: 'Secret-named JSON/YAML/header fields: "password":"x", password: x, X-Api-Key: x',
    example: { input: '{"user":"app","password":"s3cr3t"}', output: `{"user":"app","password":"${R}"}` },
  },
];

/** The passes behind the rules above, in order (one pass may report several rule ids). */
export const BUILTIN_PASSES: readonly Pass[] = [
  redactPrivateKeys,
  redactUrlCredentials,
  redactSlackWebhooks,
  redactAuthorizationHeaders,
  redactBearerTokens,
  redactAwsSecretKeys,
  redactAwsKeyIds,
  redactGithubTokens,
  redactSlackTokens,
  redactJwts,
  redactProgramOptions,
  redactKeyValues,
];

// Each rule needs one of these words, prefixes or program names: keep this a superset when adding a rule.
/** One cheap test per string: text that fails it cannot hold a built-in secret and skips every pass. */
export const MAY_HOLD_SECRET =
  /pass|pwd|secret|token|key|auth|cred|bearer|:\/\/|hooks\.slack|AKIA|ASIA|gh[pousr]_|github_pat_|xox|xapp-|eyJ|mysql|mariadb|redis-cli|mongo|ldap|sqlcmd|bcp|curl|login/i;
