/** Messages of the headless server (`autoinfrasnap serve`, `autoinfrasnap tls`): start-up lines, errors, the login page. */
export const server = {
  listening: 'AutoInfraSnap server listening on {{url}}',
  key_created:
    'API key (shown only this once; store it now): {{key}}\nonly its SHA-256 hash is kept in {{path}}',
  key_saved:
    'a first admin API key was made and saved in {{file}} (mode 0600, the only copy): read it, store it safely, then delete that file',
  key_file: 'API keys: {{count}} in {{path}} (hashes only)',
  key_env: 'API key: AUTOINFRASNAP_API_KEY (admin)',
  key_migrated: 'the API key of {{old}} is now the admin key "initial" in {{path}}',
  auth_off: 'authentication is OFF (--no-auth): anyone who can reach {{url}} sees this machine',
  plain_bind:
    'listening on {{host}} without TLS: keys and data cross the network in clear text; use --tls-cert and --tls-key (autoinfrasnap tls init makes them)',
  metrics_public: '/metrics needs no key (--metrics-public): anyone who can reach {{url}} reads its metrics',
  stopping: 'stopping ({{signal}})…',
  stopped: 'stopped',
  interval: '--interval "{{value}}": expected seconds from {{min}} to {{max}}',
  port: '--port "{{value}}": expected a port from 0 to 65535',
  no_auth_loopback: '--no-auth is only allowed on a loopback address (127.0.0.1, ::1), not {{host}}',
  allow_host: '--allow-host "{{value}}": expected a host name or an IP address',
  no_build:
    'The web dashboard is not built yet. Run npm run build in the AutoInfraSnap folder, then reload this page.',
  login: {
    title: 'AutoInfraSnap — sign in',
    heading: 'Sign in',
    label: 'API key',
    hint: 'An API key of this server: the first one serve made, one made with serve --new-key, or AUTOINFRASNAP_API_KEY. A read key signs in read-only.',
    submit: 'Sign in',
    failed: 'That key is not valid.',
  },
  keys: {
    file_bad:
      'the API key file {{file}} is damaged ({{detail}}); restore it from a backup, or move it away and restart serve (a new admin key is made)',
    bad_scope: '--scope "{{value}}": expected read or admin',
    bad_name:
      '--new-key "{{value}}": expected a name of 1 to 64 letters, digits, spaces, dots, dashes or underscores',
    scope_without_key: '--scope goes with --new-key NAME',
    new_key:
      'new {{scope}} API key "{{name}}" (id {{id}}) saved in {{path}}; the key, shown only this once, is on the next line:',
  },
  tls: {
    pair: '--tls-cert and --tls-key go together: give both (or neither, for plain HTTP)',
    unreadable:
      'cannot read {{file}} ({{code}}); check the path given to --tls-cert or --tls-key and its permissions',
    cert_bad:
      '--tls-cert {{file}}: not a usable PEM certificate ({{detail}}); give the server certificate, e.g. server.crt from autoinfrasnap tls init',
    key_bad:
      '--tls-key {{file}}: not a usable PEM private key ({{detail}}); give the server key, e.g. server.key from autoinfrasnap tls init',
    mismatch:
      '--tls-key {{key}} does not belong to the certificate {{cert}}; give the key the certificate was issued for',
    expired:
      '--tls-cert {{file}} expired on {{date}}; renew it (autoinfrasnap tls init --force makes a new one)',
    expiring: 'the TLS certificate {{file}} expires on {{date}}, in {{days}} days: renew it soon',
    key_exposed: 'the TLS key {{file}} can be read by other users: run chmod 600 on it',
    https_on: 'HTTPS on: certificate {{file}}, valid for {{names}} until {{date}}',
    reloaded: 'TLS certificate reloaded from {{file}} (SIGHUP)',
    reload_failed: 'TLS certificate not reloaded ({{detail}}); still serving the previous one',
    ca_not_pem:
      '{{file}}: no PEM certificate in it (-----BEGIN CERTIFICATE-----); give the CA certificate, e.g. ca.crt from autoinfrasnap tls init',
    ca_bad: '{{file}}: not a valid certificate ({{detail}}); give the CA certificate file (PEM)',
    ca_unreadable: 'cannot read the CA file {{file}} ({{code}}); check the path and its permissions',
    bad_name: '--name "{{name}}": expected a DNS name (host.example.com, *.example.com) or an IP address',
    bad_days: '--days "{{value}}": expected a whole number of days from 1 to 825',
    exists:
      '{{file}} already exists: pass --force to replace the server certificate (the CA is kept), or choose another --dir',
    ca_reuse: 'cannot reuse the CA in {{dir}} ({{detail}}); move ca.crt and ca.key away to make a new CA',
    subcommand: 'tls "{{value}}": expected tls init',
    init_done: `Made in {{dir}}:
  ca.crt      the CA certificate{{reused}}: give it to clients (browsers, Prometheus, the app's remote hosts)
  ca.key      the CA's private key (0600): keep it here, or offline; it signs new server certificates
  server.crt  the server certificate, for {{names}}, valid until {{date}}
  server.key  the server's private key (0600)

Start the server with them:
  autoinfrasnap serve --tls-cert {{serverCert}} --tls-key {{serverKey}}
Check from a client that trusts only this CA:
  curl --cacert {{caCert}} -H "Authorization: Bearer KEY" https://localhost:8780/api/v1/status
Prometheus: tls_config: { ca_file: {{caCert}} }`,
    reused_ca: ' (the existing one, kept)',
  },
};
