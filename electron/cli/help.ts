// Help texts are plain strings in a module with no imports, so `--help` loads nothing else.

/** Top-level help. */
export const MAIN_HELP = `autoinfrasnap — capture, keep and share the state of this machine

Usage: autoinfrasnap <command> [options]

Commands:
  snap               take a snapshot: print a summary (or JSON) and keep it in the local store
  list               list the snapshots in the local store, newest first
  show <ref>         show a stored snapshot (id, id prefix, latest, latest~N) or a snapshot file
  diff <a> <b>       what changed between two snapshots (ids, latest, latest~N or files)
  check              evaluate rules against a snapshot: the CI/CD gate (exit 1 when a rule fails)
  baseline create    write what a snapshot has (ports, containers, services…) for check --baseline
  serve              the web dashboard and API over HTTP + SSE (127.0.0.1:8780, API key on)
  tls init           make a local CA and a server certificate for serve --tls-cert/--tls-key
  alerts test-delivery [target]   send a test message to the alert webhooks and mailboxes
  schema [diff]      print the JSON Schema (draft 2020-12) of a snapshot, or of a diff
  share [ref]        upload a snapshot's report to S3 and print a link that expires (default 24h)
  backup             upload every local snapshot not yet in S3 (encrypted with backup.encrypt)
  remote list|get|prune   the snapshots in S3: list them, download one, delete old ones
  key generate       create the backup encryption key (a 0600 file)
  config init|show   write the default settings file, or show the effective settings

Global options:
  --config FILE      settings file (default: ./autoinfrasnap.json when present)
  --store DIR        snapshot store folder (default: the app's data folder)
  --lang en|ko       language of reports and messages (default: settings, then the OS locale)
  --debug            show stack traces of unexpected errors
  -h, --help         help for a command: autoinfrasnap snap --help
  -v, --version      print the version

Settings come from the app's settings file, autoinfrasnap.json, AUTOINFRASNAP_* variables and flags,
later ones winning. Exit codes: 0 ok, 1 failed check, 2 bad usage or config, 3 not found,
4 unreadable file, 70 internal error.
`;

/** Help of each command. */
export const COMMAND_HELP: Record<string, string> = {
  snap: `Usage: autoinfrasnap snap [options]

Takes a snapshot of this machine, redacts secrets, keeps it in the local store and prints a summary.

Options:
  --window SECONDS   sampling window for CPU usage and rates (default 1; 0 = counters only)
  --format FORMAT    text (summary, default), json (the whole snapshot), markdown or html (a report)
  -o, --output FILE  write the output to FILE ('-' = standard output)
  --only LIST        collect only these sections, comma-separated
  --skip LIST        do not collect these sections
  --top N            processes in each top list (default 15)
  --no-redact        keep secrets in command lines (prints a warning)
  --no-save          do not keep the snapshot in the local store

Sections: host, cpu, memory, swap, disks, network, ports, processes, users, sensors, services, containers.
`,
  list: `Usage: autoinfrasnap list [--format text|json]

Lists the snapshots in the local store, newest first.
`,
  show: `Usage: autoinfrasnap show <ref> [--format text|json|markdown|html] [-o FILE]

<ref> is a snapshot id, a unique id prefix (8+ characters), latest, latest~N, or a .json / .json.gz file.
`,
  schema: `Usage: autoinfrasnap schema [snapshot|diff] [-o FILE]

Prints the JSON Schema (draft 2020-12) that every snapshot (default) or diff --format json validates
against.
`,
  config: `Usage: autoinfrasnap config init [-o FILE] [--force]
       autoinfrasnap config show [--format text|json]

init writes the default settings to the app's settings file (or FILE); it never overwrites one
without --force. show prints the effective settings and where each layer came from.
`,
};

// Help of the commands added by the reports issue; each is owned by its command's author.
COMMAND_HELP.diff = `Usage: autoinfrasnap diff <a> <b> [--format text|markdown|html|json] [-o FILE]
                         [--threshold KEY=N[,KEY=N]] [--lang en|ko]

What changed from snapshot <a> to <b>, each an id, an id prefix, latest, latest~N or a .json / .json.gz
file: processes, listening ports, containers, services, filesystems, user sessions, network interfaces
and addresses, OS and kernel added, removed or changed, and how memory, swap, disk, CPU and load moved.

Processes are matched by name and (redacted) command line, never by pid, among the top lists only
(top_cpu and top_memory): a process that left those lists shows as removed.

Options:
  --format FORMAT    text (default), markdown (GitHub tables), html (one self-contained page) or json
                     (the structure, schema in shared/diff/diff.schema.json)
  -o, --output FILE  write the output to FILE ('-' = standard output)
  --threshold LIST   when a metric change is significant, in points (load: per core); defaults
                     memory=10,swap=10,disk=5,cpu=25,load=1

Exit 0 whenever both snapshots load, with or without differences: diff reports, check is the gate.
Examples: autoinfrasnap diff latest~1 latest
          autoinfrasnap diff before.json after.json --format markdown -o diff.md
`;
COMMAND_HELP.check = `Usage: autoinfrasnap check [--rule RULE]... [--baseline FILE] [--strict] [--snapshot REF]
                          [--format text|json|junit|github|markdown] [-o FILE] [--window S] [--save]

Evaluates rules against a fresh snapshot of this machine (or --snapshot) — the CI/CD gate.
Exit 0 when every rule passes, 1 when one fails, 2 when a rule or the baseline does not parse or there
is no rule at all.

Rules (repeat --rule; quote each for the shell):
  PATH OP VALUE      a value of the snapshot JSON; OP is < <= > >= == !=; VALUE a number (units %, KB,
                     MB, GB, TB, KiB, MiB, GiB, TiB), a quoted string, true, false or null
                       memory.used_percent < 90          cpu.load_1 < 4
                       disks["/"].used_percent < 85      network["eth0"].rx_errors == 0
                       containers["web"].state == "running"
                       services["nginx"].state == "running"   processes.zombies.length == 0
                     ["key"] picks a list item by its natural key (disks: mountpoint; network,
                     containers, services, processes: name; ports: "443/tcp"); [0] by position
  port N[/udp]       something listens on port N (tcp unless /udp)
  container NAME     a container NAME is running
  service NAME       a service NAME is running (nginx or nginx.service)
  process NAME       a process NAME is among the top lists or owns a listening port
  !port 23           forbids it: fails when it is there (same for container, service, process)

Options:
  --rule RULE        a rule (repeatable)
  --baseline FILE    also check every rule of a baseline (autoinfrasnap baseline create)
  --strict           also fail on listening ports no port rule (or baseline) names
  --snapshot REF     check a stored snapshot (id, latest, latest~N) or a snapshot file instead
  --format FORMAT    text (default), json, junit (JUnit XML), github (workflow commands: annotations),
                     markdown (a table, e.g. for $GITHUB_STEP_SUMMARY)
  -o, --output FILE  write the report to FILE ('-' = standard output); the verdict goes to stderr
  --window SECONDS   sampling window of a fresh snapshot (default: settings; only when rules need rates)
  --save             keep the fresh snapshot in the store (it is not kept otherwise)

A fresh snapshot collects only the sections the rules read. A rule whose section was not collected, or
whose path is not in the snapshot, fails and says why.
`;
COMMAND_HELP.baseline = `Usage: autoinfrasnap baseline create [--from REF] [-o FILE]

Writes what this machine (or snapshot REF) has worth watching as a baseline for check --baseline:
listening ports (UDP client ports left out), running containers and services, and processes that own
a listening port or have run for ten minutes or more as daemons (shells, tools and this tool left out).
The baseline is JSON: {"kind": "autoinfrasnap-baseline", "version": 1, "created_from": {…}, "rules": […]};
edit its rules freely, any check rule is allowed.

Options:
  --from REF         use a stored snapshot (id, latest, latest~N) or a snapshot file
  -o, --output FILE  write the baseline to FILE (default: standard output)

Example: autoinfrasnap baseline create -o baseline.json     (before a deploy)
         autoinfrasnap check --baseline baseline.json --strict   (after it)
`;
COMMAND_HELP.serve = `Usage: autoinfrasnap serve [--host ADDR] [--port N] [--data-dir DIR] [--tls-cert FILE --tls-key FILE]
       autoinfrasnap serve --new-key NAME [--scope read|admin] [--data-dir DIR]
       autoinfrasnap serve --print-systemd-unit [serve options]

Runs the headless server: the live dashboard (/ and /popover), the API under /api/v1 (JSON over
HTTP, live events over Server-Sent Events at /api/v1/events) and Prometheus metrics at /metrics,
until SIGINT or SIGTERM (SIGHUP re-reads the TLS certificate).

API keys have a scope: read (every GET, the event stream, /metrics) or admin (also settings, alert
rules, snapshots and keys). The first start makes an admin key: printed once on a terminal, else
written to <data dir>/initial-admin-key (0600). Only SHA-256 hashes are kept, in <data dir>/api-keys.json
(0600); AUTOINFRASNAP_API_KEY is an extra admin key. Scripts send "Authorization: Bearer KEY";
browsers sign in at /login. POST/GET /api/v1/keys and DELETE /api/v1/keys/ID manage keys (admin).
Admin actions are logged to <data dir>/audit.log. GET /api/v1/health needs no key.

Options:
  --host ADDR          address to listen on (default 127.0.0.1; 0.0.0.0 = every interface: use TLS)
  --port N             port (default 8780; 0 = any free port, printed on stdout)
  --data-dir DIR       where keys, the audit log and live history are kept (default <data folder>/server)
  --interval SECS      seconds between live samples (default: monitor.intervalSeconds, 2)
  --tls-cert FILE      serve HTTPS with this PEM certificate (chain) ...
  --tls-key FILE       ... and its PEM private key (autoinfrasnap tls init makes both)
  --metrics-public     /metrics without a key (Prometheus on a trusted network)
  --allow-host NAME    another name clients reach this server by (a DNS name, a proxy's Host)
  --static-dir DIR     the built dashboard (default out/renderer of this installation)
  --no-auth            no key at all (loopback addresses only)
  --new-key NAME       add an API key to the data dir, print it once on stdout and exit
  --scope read|admin   the scope of --new-key (default read)
  --print-systemd-unit print a hardened systemd unit running serve with these options, and exit

Examples: autoinfrasnap tls init --name mon.example.com
          autoinfrasnap serve --host 0.0.0.0 --tls-cert server.crt --tls-key server.key
          KEY=$(autoinfrasnap serve --new-key prometheus --scope read)
          curl --cacert ca.crt -H "Authorization: Bearer $KEY" https://mon.example.com:8780/metrics
`;
COMMAND_HELP.tls = `Usage: autoinfrasnap tls init [--dir DIR] [--name NAME]... [--days N] [--force]

Makes a local certificate authority (ca.crt, ca.key) and a server certificate signed by it
(server.crt, server.key) for serve --tls-cert/--tls-key. ECDSA P-256; private keys are written 0600.
An existing CA in DIR is reused, so clients that trust it keep working after a renewal.
Give clients ca.crt (curl --cacert, Prometheus tls_config.ca_file, the app's remote hosts).

Options:
  --dir DIR          where the files go (default <data folder>/server/tls)
  --name NAME        a DNS name or IP address the server is reached by (repeatable or comma-separated;
                     default this machine's host name); localhost, 127.0.0.1 and ::1 are always added
  --days N           validity of the server certificate (default 397, at most 825)
  --force            replace an existing server certificate (the CA is kept)
`;

// Help of the S3 commands (issue 6).
COMMAND_HELP.share = `Usage: autoinfrasnap share [ID|latest] [--expires 24h]

Uploads the snapshot's HTML report and its JSON to the s3 bucket and prints a presigned link to the
report on stdout: anyone with the link can open it until it expires, no AWS account needed. The report
is the redacted snapshot, as the store keeps it (autoinfrasnap show REF --format html previews it).
Shared objects are never client-side encrypted: a link must open in a browser.

Options:
  --expires DURATION  how long the link works: 30m, 24h, 7d (default s3.shareExpiresHours, 24h; max 7d)

S3 settings: s3.bucket, s3.prefix, s3.region, s3.endpoint, s3.forcePathStyle, s3.sse, s3.kmsKeyId,
s3.storageClass, s3.credentialsFile (or AUTOINFRASNAP_S3_*). Credentials: s3.credentialsFile (a 0600
JSON file), else the AWS default chain (AWS_ACCESS_KEY_ID…, AWS_PROFILE, SSO, instance role).
`;
COMMAND_HELP.backup = `Usage: autoinfrasnap backup

Uploads every local snapshot not uploaded yet to s3://<bucket>/<prefix>/<host>/<YYYY>/<MM>/<DD>/<id>.json.gz
(.enc appended when backup.encrypt is on: AES-256-GCM with the key from autoinfrasnap key generate).
Uploads are idempotent by SHA-256; a failed one stays queued on disk and is retried with backoff.
Exit 1 when an upload failed.
`;
COMMAND_HELP.remote = `Usage: autoinfrasnap remote list [--host H] [--since DATE] [--format text|json]
       autoinfrasnap remote get ID [-o FILE]
       autoinfrasnap remote prune --older-than 30d

list     the snapshots in the bucket, newest first (--since 2026-01-31 or an RFC 3339 time)
get      downloads one (an id or a unique prefix of 8+ characters), checks its SHA-256, decrypts it,
         and writes the JSON (FILE.json) or the gzipped JSON (FILE.json.gz); show and diff read it
prune    deletes snapshots and shared reports older than the duration (h, d, w); nothing else
`;
COMMAND_HELP.key = `Usage: autoinfrasnap key generate [-o FILE] [--force]

Creates a random AES-256 key for encrypted backups in a file only you can read (mode 0600): by default
backup.keyFile, else backup.key in the app's data folder. Prints the key id. Keep a copy somewhere
safe: encrypted backups cannot be read without it. --force replaces an existing key.
`;
COMMAND_HELP.alerts = `Usage: autoinfrasnap alerts test-delivery [TARGET]

Sends a test message now to the delivery target TARGET (even a disabled one), or to every enabled
target, and prints one line per target: delivered, or why not. No retries. Targets are the
delivery.targets setting: webhook (JSON signed with HMAC-SHA256), slack, discord, teams and email
(SMTP, STARTTLS required by default). Secrets are references (env:NAME or file:PATH, mode 0600).
See docs/alerts-delivery.md.

Exit codes: 0 all delivered, 1 one failed, 2 bad usage or settings, 3 no such target.

Example: autoinfrasnap alerts test-delivery ops-slack
`;
