/** Messages of S3 share, backup, remote snapshots, encryption keys and S3 credentials. */
export const s3 = {
  not_configured:
    'S3 is not configured: set s3.bucket (AUTOINFRASNAP_S3_BUCKET or autoinfrasnap config) and try again',
  expires: {
    invalid: '--expires "{{value}}": expected a duration such as 30m, 24h or 7d',
    too_long: '--expires "{{value}}": a shared link can live at most 7 days (7d)',
    too_short: '--expires "{{value}}": a shared link must live at least 1 minute (1m)',
  },
  older_than: {
    invalid: '--older-than "{{value}}": expected a duration such as 12h, 30d or 2w',
  },
  since: {
    invalid: '--since "{{value}}": expected a date such as 2026-01-31 or 2026-01-31T12:00:00Z',
  },
  conn: {
    ok: 'Connected: bucket {{bucket}} is reachable and writable',
    no_bucket: 'Bucket {{bucket}} does not exist: create it or fix s3.bucket',
    access_denied:
      'Access denied to bucket {{bucket}}: check the access key and that its policy allows s3:PutObject, s3:GetObject and s3:ListBucket',
    bad_region: 'Bucket {{bucket}} is in another region{{hint}}: set s3.region to the bucket’s region',
    unreachable: 'Cannot reach the S3 endpoint {{endpoint}} ({{detail}}): check s3.endpoint and the network',
    clock_skew:
      'This computer’s clock is off by more than 15 minutes from the S3 server’s: fix the system time (NTP)',
    no_credentials:
      'No S3 credentials found: type keys into Settings, set s3.credentialsFile, or configure the AWS chain (AWS_PROFILE, AWS_ACCESS_KEY_ID…)',
    other: 'S3 request failed: {{detail}}',
  },
  credentials: {
    file_mode: 'Credentials file {{path}} is readable by other users (mode {{mode}}): run chmod 600 {{path}}',
    file_invalid:
      'Credentials file {{path}} is not valid: expected JSON {"accessKeyId": "…", "secretAccessKey": "…"}',
    file_missing: 'Credentials file {{path}} does not exist: fix s3.credentialsFile',
    basic_text:
      'Your desktop has no keyring (the system stored the S3 keys with basic_text obfuscation only): anyone who can read your files can read them',
    unavailable:
      'The system keychain is not available, so S3 keys cannot be stored safely: use the AWS chain (AWS_PROFILE…) or s3.credentialsFile',
    damaged: 'The stored S3 keys cannot be decrypted (the keychain changed?): type them into Settings again',
  },
  key: {
    generated:
      'Encryption key {{id}} written to {{path}} (mode 0600). Keep a copy somewhere safe: without it, encrypted backups cannot be read.',
    exists:
      'Key file {{path}} already exists: pass --force to replace it (backups encrypted with it will need the old key)',
    missing: 'Encryption key file {{path}} does not exist: run autoinfrasnap key generate',
    invalid: 'Key file {{path}} is not an AutoInfraSnap key: run autoinfrasnap key generate',
    file_mode: 'Key file {{path}} is readable by other users (mode {{mode}}): run chmod 600 {{path}}',
    wrong:
      'This backup was encrypted with key {{wanted}}, but the key file has key {{have}}: use the key {{wanted}}',
    tampered:
      'Integrity check failed for {{label}}: the encrypted object was changed or damaged; it cannot be trusted',
    not_encrypted: '{{label}} is not an encrypted AutoInfraSnap object',
    version: '{{label}} uses encryption format version {{version}}; this version reads only {{supported}}',
  },
  remote: {
    corrupt:
      'Remote object {{key}} is damaged: its SHA-256 is {{actual}}, but it was uploaded as {{expected}}',
    not_found: 'No remote snapshot matches "{{ref}}": see autoinfrasnap remote list',
    ambiguous: '"{{ref}}" matches {{count}} remote snapshots: give more of the id',
    none: 'No snapshots in s3://{{bucket}}/{{prefix}}',
    written: 'Wrote {{path}}: read it with autoinfrasnap show {{path}}',
    pruned: 'Removed {{count}} object(s) older than {{days}} days ({{kept}} kept)',
    get_single: 'remote get takes one snapshot id: autoinfrasnap remote get ID [-o FILE]',
    usage: 'remote needs a subcommand: list, get or prune',
    prune_needs: 'remote prune needs --older-than, e.g. --older-than 30d',
    header: { id: 'id', host: 'host', taken: 'taken', size: 'size', enc: 'encrypted' },
  },
  share: {
    done: 'Shared snapshot {{id}}; link valid until {{until}}:',
    single: 'share takes at most one snapshot reference: autoinfrasnap share [ID|latest]',
  },
  backup: {
    nothing: 'Every local snapshot is already uploaded',
    progress: 'Uploading {{done}}/{{total}} {{id}}',
    done: 'Uploaded {{uploaded}} snapshot(s), {{skipped}} already there, {{failed}} failed and queued for retry',
    failed: 'Upload of {{id}} failed ({{detail}}): it stays queued and will be retried',
  },
  keycmd: {
    usage: 'key needs a subcommand: key generate [-o FILE] [--force]',
  },
  ui: {
    share: 'Share',
    share_title: 'Share snapshot {{id}}',
    share_needs_s3: 'Set up S3 in Settings to share',
    preview: 'Preview what will be shared',
    preview_hide: 'Hide preview',
    preview_title: 'The redacted report that will be shared',
    expires: 'Link valid for',
    hours_1: '1 hour',
    hours_24: '24 hours',
    days_7: '7 days',
    send: 'Upload and create link',
    sending: 'Uploading…',
    link: 'Link',
    copy: 'Copy link',
    copied: 'Link copied to the clipboard',
    copy_failed: 'Could not copy: select the link and copy it',
    valid_until: 'Valid until {{until}}',
    sha256: 'SHA-256 of the shared snapshot',
    close: 'Close',
    settings_title: 'S3 share and backups',
    bucket: 'Bucket',
    prefix: 'Key prefix',
    region: 'Region',
    endpoint: 'Endpoint (S3-compatible stores)',
    endpoint_hint: 'Empty for AWS. MinIO, R2 and others: their URL, usually with path-style on.',
    path_style: 'Path-style URLs',
    sse: 'Server-side encryption',
    sse_none: 'Bucket default',
    kms_key: 'KMS key id',
    storage_class: 'Storage class',
    share_hours: 'Share links valid for (hours, max 168)',
    backup_every: 'Back up every (hours, 0 = off)',
    backup_on_alert: 'Back up when an alert fires',
    backup_encrypt: 'Encrypt backups (AES-256-GCM, key from autoinfrasnap key generate)',
    save: 'Save',
    invalid: 'Check the values: the bucket needs 3–63 characters, hours must be numbers in range',
    test: 'Test connection',
    testing: 'Testing…',
    credentials: 'Credentials',
    source_keychain: 'Keys stored in the system keychain',
    source_file: 'Keys from a private file (s3.credentialsFile or the server’s data folder)',
    source_chain: 'The AWS default chain (environment, profile, SSO, instance role)',
    access_key: 'Access key ID',
    secret_key: 'Secret access key',
    store_keys: 'Store keys',
    forget_keys: 'Forget keys',
    keys_stored: 'Keys stored; the secret is never shown again',
    pending: 'Pending uploads',
    pending_none: 'Nothing waiting: every backup is uploaded',
    col_id: 'Snapshot',
    col_reason: 'Why',
    col_attempts: 'Attempts',
    col_next: 'Next try',
    col_error: 'Last error',
    reason_backup: 'backup',
    reason_schedule: 'schedule',
    reason_alert: 'alert',
  },
  note: {
    encryption_backups:
      'Encryption applies to backups, not to shared links: a shared report must stay readable in a browser.',
  },
};
