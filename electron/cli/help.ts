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
  schema [diff]      print the JSON Schema (draft 2020-12) of a snapshot, or of a diff
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
COMMAND_HELP.serve = `Usage: autoinfrasnap serve [--host ADDR] [--port N] [--data-dir DIR]

Runs the headless server: the live dashboard (/ and /popover) and the API under /api/v1 (JSON over
HTTP, live events over Server-Sent Events at /api/v1/events), until SIGINT or SIGTERM.

Authentication is on: the first start creates an API key, prints it once to stderr and keeps only its
SHA-256 hash (mode 0600) in the data folder; AUTOINFRASNAP_API_KEY sets the key instead. Browsers sign
in at /login (a session cookie); scripts send "Authorization: Bearer KEY". GET /api/v1/health needs
no key.

Options:
  --host ADDR        address to listen on (default 127.0.0.1; 0.0.0.0 = every interface: put HTTPS
                     in front of it on untrusted networks)
  --port N           port (default 8780; 0 = any free port, printed on stdout)
  --data-dir DIR     where the key hash and live history are kept (default <data folder>/server)
  --interval SECS    seconds between live samples (default 2)
  --static-dir DIR   the built dashboard (default out/renderer of this installation)
  --no-auth          no key at all (loopback addresses only)

Example: AUTOINFRASNAP_API_KEY=… autoinfrasnap serve --port 8780
         curl -H "Authorization: Bearer $KEY" http://127.0.0.1:8780/api/v1/metrics/latest
`;
