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
  schema             print the snapshot's JSON Schema (draft 2020-12)
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
  --format FORMAT    text (summary, default) or json (the whole snapshot)
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
  show: `Usage: autoinfrasnap show <ref> [--format text|json] [-o FILE]

<ref> is a snapshot id, a unique id prefix (8+ characters), latest, latest~N, or a .json / .json.gz file.
`,
  schema: `Usage: autoinfrasnap schema [-o FILE]

Prints the JSON Schema (draft 2020-12) that every snapshot validates against.
`,
  config: `Usage: autoinfrasnap config init [-o FILE] [--force]
       autoinfrasnap config show [--format text|json]

init writes the default settings to the app's settings file (or FILE); it never overwrites one
without --force. show prints the effective settings and where each layer came from.
`,
};

// Help of the commands added by the reports issue; each is owned by its command's author.
COMMAND_HELP.diff = `Usage: autoinfrasnap diff <a> <b> [--format text|markdown|html|json] [-o FILE]

What changed from snapshot <a> to <b>: each an id, an id prefix, latest, latest~N or a file.
`;
COMMAND_HELP.check = `Usage: autoinfrasnap check [--rule RULE]... [--baseline FILE] [--snapshot REF]
                          [--format text|json|junit|github] [-o FILE]

Evaluates rules against a fresh snapshot (or --snapshot). Exit 0 when all pass, 1 when one fails,
2 when a rule does not parse.
`;
COMMAND_HELP.baseline = `Usage: autoinfrasnap baseline create [--from REF] -o FILE

Writes what a snapshot has (listening ports, containers, services, processes) as a baseline for
check --baseline.
`;
