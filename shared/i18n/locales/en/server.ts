/** Messages of the headless server (`autoinfrasnap serve`): start-up lines and the login page. */
export const server = {
  listening: 'AutoInfraSnap server listening on {{url}}',
  key_created:
    'API key (shown only this once; store it now): {{key}}\nonly its SHA-256 hash is kept in {{path}}',
  key_file: 'API key: the one created on first start (its hash is in {{path}})',
  key_env: 'API key: from AUTOINFRASNAP_API_KEY',
  auth_off: 'authentication is OFF (--no-auth): anyone who can reach {{url}} sees this machine',
  wildcard_bind:
    'listening on every interface ({{host}}): use HTTPS in front of it (a reverse proxy) on untrusted networks',
  stopping: 'stopping ({{signal}})…',
  stopped: 'stopped',
  interval: '--interval "{{value}}": expected seconds from {{min}} to {{max}}',
  port: '--port "{{value}}": expected a port from 0 to 65535',
  no_auth_loopback: '--no-auth is only allowed on a loopback address (127.0.0.1, ::1), not {{host}}',
  no_build:
    'The web dashboard is not built yet. Run npm run build in the AutoInfraSnap folder, then reload this page.',
  login: {
    title: 'AutoInfraSnap — sign in',
    heading: 'Sign in',
    label: 'API key',
    hint: 'The key autoinfrasnap serve printed on its first start, or AUTOINFRASNAP_API_KEY.',
    submit: 'Sign in',
    failed: 'That key is not valid.',
  },
};
