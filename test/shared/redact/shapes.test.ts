// Every secret shape the redactor promises to catch, with the exact output and the rule that counts it.
import { describe, expect, it } from 'vitest';
import { REDACTED as R } from '../../../shared/redact/index.js';
import { FAKE, expectRedacts, pem, redactOnce } from './helpers.js';

type Case = readonly [input: string, expected: string, rule: string];

const check = ([input, expected, rule]: Case): void => expectRedacts(input, expected, rule);

describe('flags', () => {
  it.each<Case>([
    ['app --password=x', `app --password=${R}`, 'flag-value'],
    ['app --password x --verbose', `app --password ${R} --verbose`, 'flag-value'],
    ['app --db-password=s3cr3t --port=5432', `app --db-password=${R} --port=5432`, 'flag-value'],
    ['app --apiKey=abc123', `app --apiKey=${R}`, 'flag-value'],
    ['app --api-key abc123', `app --api-key ${R}`, 'flag-value'],
    ['app --auth-token zzz999', `app --auth-token ${R}`, 'flag-value'],
    ['app --client-secret=cs --client-id=web', `app --client-secret=${R} --client-id=web`, 'flag-value'],
    ['app --access-token=at --access_key=ak', `app --access-token=${R} --access_key=${R}`, 'flag-value'],
    ['app -password hunter2', `app -password ${R}`, 'flag-value'],
    ['app --Passwd=x --PWD-db=y --db-pwd=z', `app --Passwd=${R} --PWD-db=y --db-pwd=${R}`, 'flag-value'],
    ['app --credentials=abc --creds abc', `app --credentials=${R} --creds ${R}`, 'flag-value'],
    ['app --auth admin:secret', `app --auth ${R}`, 'flag-value'],
    ['vault --secret-id=9b1f', `vault --secret-id=${R}`, 'flag-value'],
    ['gpg --passphrase "open sesame" -d f', `gpg --passphrase "${R}" -d f`, 'flag-value'],
    ['app --password="a b c" next', `app --password="${R}" next`, 'flag-value'],
    ["app --password 'a b' next", `app --password '${R}' next`, 'flag-value'],
    ['app --password="say \\"hi\\"" next', `app --password="${R}" next`, 'flag-value'],
    ['app --password="unterminated', `app --password="${R}`, 'flag-value'],
    ['app --password=pa\\ ss next', `app --password=${R} next`, 'flag-value'],
    ['app --password = x', `app --password = ${R}`, 'flag-value'],
    ['java -Dpassword=abc -jar a.jar', `java -Dpassword=${R} -jar a.jar`, 'flag-value'],
    [
      'java -Djavax.net.ssl.keyStorePassword=abc -jar a.jar',
      `java -Djavax.net.ssl.keyStorePassword=${R} -jar a.jar`,
      'flag-value',
    ],
    ['java -Dspring.datasource.password=abc', `java -Dspring.datasource.password=${R}`, 'flag-value'],
    [
      'keytool -list -storepass changeit -keypass k2',
      `keytool -list -storepass ${R} -keypass ${R}`,
      'flag-value',
    ],
    ['openssl rsa -passin pass:hunter2 -in k', `openssl rsa -passin ${R} -in k`, 'flag-value'],
    ['"--password=x y"', `"--password=${R} y"`, 'flag-value'],
  ])('%s', (...c) => check(c));
});

describe('assignments', () => {
  it.each<Case>([
    ['PASSWORD=x ./run', `PASSWORD=${R} ./run`, 'env-assignment'],
    ['DB_PASSWORD=hunter2', `DB_PASSWORD=${R}`, 'env-assignment'],
    ['SECRET_TOKEN=abc MODE=prod', `SECRET_TOKEN=${R} MODE=prod`, 'env-assignment'],
    ['PGPASSWORD=x psql', `PGPASSWORD=${R} psql`, 'env-assignment'],
    ['MYSQL_PWD=x mysql', `MYSQL_PWD=${R} mysql`, 'env-assignment'],
    ['AWS_SECRET_ACCESS_KEY=short', `AWS_SECRET_ACCESS_KEY=${R}`, 'env-assignment'],
    ['PASSWORD="x y" cmd', `PASSWORD="${R}" cmd`, 'env-assignment'],
    ["PASSWORD='x y' cmd", `PASSWORD='${R}' cmd`, 'env-assignment'],
    ['spring.datasource.password = hunter2', `spring.datasource.password = ${R}`, 'env-assignment'],
    ['GET /cb?access_token=abc&state=1', `GET /cb?access_token=${R}&state=1`, 'env-assignment'],
    [
      'mount -o user=bob,password=pw,uid=0 //s/x',
      `mount -o user=bob,password=${R},uid=0 //s/x`,
      'env-assignment',
    ],
    ['Server=db;Password=pw;Database=app', `Server=db;Password=${R};Database=app`, 'env-assignment'],
    [
      'kubectl create secret generic s --from-literal=password=pw',
      `kubectl create secret generic s --from-literal=password=${R}`,
      'env-assignment',
    ],
    [
      'helm install x --set auth.rootPassword=pw',
      `helm install x --set auth.rootPassword=${R}`,
      'env-assignment',
    ],
  ])('%s', (...c) => check(c));
});

describe('JSON, YAML and header fields', () => {
  it.each<Case>([
    ['password: x', `password: ${R}`, 'key-value'],
    ['db:\n  password: hunter2\n  user: app', `db:\n  password: ${R}\n  user: app`, 'key-value'],
    ['password: "x y"', `password: "${R}"`, 'key-value'],
    ['{"password":"x"}', `{"password":"${R}"}`, 'key-value'],
    ['{"user":"a","password":"p w","port":1}', `{"user":"a","password":"${R}","port":1}`, 'key-value'],
    ['{"apiKey": "k", "pin": 1234}', `{"apiKey": "${R}", "pin": 1234}`, 'key-value'],
    ['{"token":12345,"a":1}', `{"token":${R},"a":1}`, 'key-value'],
    ["{'client_secret': 'x'}", `{'client_secret': '${R}'}`, 'key-value'],
    ['{"password":"a\\"b"}', `{"password":"${R}"}`, 'key-value'],
    ['curl -H "X-Api-Key: abc123" https://x', `curl -H "X-Api-Key: ${R}" https://x`, 'key-value'],
    ['curl -H "X-Vault-Token: s.abc" https://x', `curl -H "X-Vault-Token: ${R}" https://x`, 'key-value'],
  ])('%s', (...c) => check(c));
});

describe('program-specific short options', () => {
  it.each<Case>([
    ['mysql -uroot -pSECRET shop', `mysql -uroot -p${R} shop`, 'mysql-password-flag'],
    [
      '/usr/bin/mysqldump -u root -ps3cr3t --all-databases',
      `/usr/bin/mysqldump -u root -p${R} --all-databases`,
      'mysql-password-flag',
    ],
    ['mariadb-dump -p"a b" db', `mariadb-dump -p"${R}" db`, 'mysql-password-flag'],
    [
      'docker exec db mysqladmin -pX status',
      `docker exec db mysqladmin -p${R} status`,
      'mysql-password-flag',
    ],
    [
      'sh -c "mysql -ptopsecret -e \'select 1\'"',
      `sh -c "mysql -p${R} -e 'select 1'"`,
      'mysql-password-flag',
    ],
    ['sshpass -p s3cr3t ssh -p 22 host', `sshpass -p ${R} ssh -p 22 host`, 'cli-password-flag'],
    ['sshpass -ps3cr3t ssh -p22 host', `sshpass -p${R} ssh -p22 host`, 'cli-password-flag'],
    ['redis-cli -h cache -a s3cr3t ping', `redis-cli -h cache -a ${R} ping`, 'cli-password-flag'],
    [
      'ldapsearch -x -D cn=admin -w s3cr3t -b dc=x',
      `ldapsearch -x -D cn=admin -w ${R} -b dc=x`,
      'cli-password-flag',
    ],
    ['sqlcmd -S db -U sa -P S3cr3t!', `sqlcmd -S db -U sa -P ${R}`, 'cli-password-flag'],
    ['mongosh --host db -u admin -p s3cr3t', `mongosh --host db -u admin -p ${R}`, 'cli-password-flag'],
    ['docker login -u me -p s3cr3t ghcr.io', `docker login -u me -p ${R} ghcr.io`, 'cli-password-flag'],
    ['curl -u admin:s3cr3t https://x', `curl -u admin:${R} https://x`, 'cli-password-flag'],
    ['curl --user=admin:s3cr3t https://x', `curl --user=admin:${R} https://x`, 'cli-password-flag'],
  ])('%s', (...c) => check(c));
});

describe('URLs and headers', () => {
  it.each<Case>([
    ['psql postgres://app:s3cr3t@db:5432/app', `psql postgres://app:${R}@db:5432/app`, 'url-credentials'],
    ['mongodb+srv://u:p%40ss@cluster0.x.net/db', `mongodb+srv://u:${R}@cluster0.x.net/db`, 'url-credentials'],
    ['redis://:pass@host:6379/0', `redis://:${R}@host:6379/0`, 'url-credentials'],
    ['https://user:p@ss@example.com/x', `https://user:${R}@example.com/x`, 'url-credentials'],
    [
      'git clone https://x-access-token:tok@github.com/o/r',
      `git clone https://x-access-token:${R}@github.com/o/r`,
      'url-credentials',
    ],
    ['DATABASE_URL="mysql://root:pw@db/app"', `DATABASE_URL="mysql://root:${R}@db/app"`, 'url-credentials'],
    [
      'curl -H "Authorization: Bearer abc.def" https://x',
      `curl -H "Authorization: Bearer ${R}" https://x`,
      'authorization-header',
    ],
    [
      'curl -H "Authorization: Basic dXNlcjpwYXNz" x',
      `curl -H "Authorization: Basic ${R}" x`,
      'authorization-header',
    ],
    [
      'curl -H "Authorization: token abc123" x',
      `curl -H "Authorization: token ${R}" x`,
      'authorization-header',
    ],
    ['{"authorization":"Bearer abc"}', `{"authorization":"Bearer ${R}"}`, 'authorization-header'],
    ['Proxy-Authorization: Basic Zm9vOmJhcg==', `Proxy-Authorization: Basic ${R}`, 'authorization-header'],
    ['wget --header=Bearer a1B2c3D4e5 x', `wget --header=Bearer ${R} x`, 'bearer-token'],
    [FAKE.slackHook, 'https://hooks.slack.com/services/' + R, 'slack-webhook'],
  ])('%s', (...c) => check(c));
});

describe('provider tokens and keys', () => {
  it.each<Case>([
    [`GITHUB_TOKEN=${FAKE.ghp}`, `GITHUB_TOKEN=${R}`, 'github-token'],
    [`gh --token ${FAKE.gho} x`, `gh --token ${R} x`, 'github-token'],
    [`push ${FAKE.ghs}`, `push ${R}`, 'github-token'],
    [`push ${FAKE.githubPat}.`, `push ${R}.`, 'github-token'],
    [`bot ${FAKE.xoxb}`, `bot ${R}`, 'slack-token'],
    [`notify "${FAKE.xoxp}"`, `notify "${R}"`, 'slack-token'],
    [`aws ${FAKE.akia}`, `aws ${R}`, 'aws-access-key-id'],
    [`session=${FAKE.asia};`, `session=${R};`, 'aws-access-key-id'],
    [`aws_secret_access_key = ${FAKE.awsSecret}`, `aws_secret_access_key = ${R}`, 'aws-secret-key'],
    [`{"SecretAccessKey": "${FAKE.awsSecret}"}`, `{"SecretAccessKey": "${R}"}`, 'aws-secret-key'],
    [`creds ${FAKE.akia} ${FAKE.awsSecret}`, `creds ${R} ${R}`, 'aws-secret-key'],
    [`client --session ${FAKE.jwt} -v`, `client --session ${R} -v`, 'jwt'],
    [`Cookie: id=${FAKE.jwt}`, `Cookie: id=${R}`, 'jwt'],
    [
      pem('RSA PRIVATE KEY'),
      `-----BEGIN RSA PRIVATE KEY-----\n${R}\n-----END RSA PRIVATE KEY-----`,
      'private-key-block',
    ],
    [
      pem('OPENSSH PRIVATE KEY'),
      `-----BEGIN OPENSSH PRIVATE KEY-----\n${R}\n-----END OPENSSH PRIVATE KEY-----`,
      'private-key-block',
    ],
    [
      pem('EC PRIVATE KEY'),
      `-----BEGIN EC PRIVATE KEY-----\n${R}\n-----END EC PRIVATE KEY-----`,
      'private-key-block',
    ],
    [
      pem('ENCRYPTED PRIVATE KEY'),
      `-----BEGIN ENCRYPTED PRIVATE KEY-----\n${R}\n-----END ENCRYPTED PRIVATE KEY-----`,
      'private-key-block',
    ],
    [pem('PRIVATE KEY'), `-----BEGIN PRIVATE KEY-----\n${R}\n-----END PRIVATE KEY-----`, 'private-key-block'],
    [
      'x -----BEGIN RSA PRIVATE KEY-----\nMIIE truncated',
      `x -----BEGIN RSA PRIVATE KEY-----\n${R}`,
      'private-key-block',
    ],
    [
      pem('PGP PRIVATE KEY BLOCK'),
      `-----BEGIN PGP PRIVATE KEY BLOCK-----\n${R}\n-----END PGP PRIVATE KEY BLOCK-----`,
      'private-key-block',
    ],
    [
      pem('DSA PRIVATE KEY', 'Proc-Type: 4,ENCRYPTED\nDEK-Info: AES-128-CBC,AB12\n\nMIIBuwIBAAKBgQ'),
      `-----BEGIN DSA PRIVATE KEY-----\n${R}\n-----END DSA PRIVATE KEY-----`,
      'private-key-block',
    ],
    [
      JSON.stringify(pem('RSA PRIVATE KEY')),
      `"-----BEGIN RSA PRIVATE KEY-----${R}-----END RSA PRIVATE KEY-----"`,
      'private-key-block',
    ],
  ])('%s', (...c) => check(c));
});

describe('several secrets in one string', () => {
  it('redacts each and counts each under its own rule', () => {
    const input = `DB_PASSWORD=a1 app --token=${FAKE.ghp} --url=postgres://u:p@h/d -H "Authorization: Bearer zz"`;
    const { out, counts, total } = redactOnce(input);
    expect(out).toBe(
      `DB_PASSWORD=${R} app --token=${R} --url=postgres://u:${R}@h/d -H "Authorization: Bearer ${R}"`,
    );
    expect(counts).toEqual({
      'env-assignment': 1,
      'github-token': 1,
      'url-credentials': 1,
      'authorization-header': 1,
    });
    expect(total).toBe(4);
  });
});
