/** What the printed systemd unit runs. */
export interface UnitOptions {
  /** The Node binary (absolute). */
  node: string;
  /** The autoinfrasnap entry script (absolute). */
  script: string;
  /** `serve` flags to keep (host, port, interval, allow-host, metrics-public…), already validated. */
  args: string[];
  /** TLS files, handed to the service with LoadCredential (root may keep them 0600). */
  tls?: { cert: string; key: string };
  /** The service account (default autoinfrasnap). */
  user?: string;
}

/** The service's data folder (systemd's StateDirectory). */
export const SERVICE_DATA_DIR = '/var/lib/autoinfrasnap';

/**
 * Quotes one ExecStart argument for systemd: `%` and `$` are escaped so nothing is expanded, and
 * arguments with spaces, quotes or backslashes are double-quoted.
 */
export function unitArg(arg: string): string {
  const escaped = arg.replace(/%/g, '%%').replace(/\$/g, '$$$$');
  if (/^[A-Za-z0-9_@%+=:,./$-]+$/.test(escaped)) return escaped;
  return `"${escaped.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
}

/**
 * A hardened systemd unit for `autoinfrasnap serve`: a dedicated system user, a read-only system
 * (ProtectSystem=strict) with only the state folder writable, no new privileges or capabilities,
 * a system-call allow list, restart on failure, and TLS files passed as credentials.
 */
export function systemdUnit(o: UnitOptions): string {
  const user = o.user ?? 'autoinfrasnap';
  const exec = [o.node, o.script, 'serve', '--data-dir', SERVICE_DATA_DIR, ...o.args].map(unitArg);
  if (o.tls)
    exec.push(
      '--tls-cert',
      '${CREDENTIALS_DIRECTORY}/tls.crt',
      '--tls-key',
      '${CREDENTIALS_DIRECTORY}/tls.key',
    );
  const credentials = o.tls
    ? [`LoadCredential=tls.crt:${o.tls.cert}`, `LoadCredential=tls.key:${o.tls.key}`]
    : ['# HTTPS: serve --print-systemd-unit --tls-cert FILE --tls-key FILE adds LoadCredential= lines'];
  return `# AutoInfraSnap agent: autoinfrasnap serve as a hardened systemd service.
#
# Install (as root):
#   useradd --system --home-dir ${SERVICE_DATA_DIR} --shell /usr/sbin/nologin ${user}
#   autoinfrasnap serve --print-systemd-unit [serve flags] > /etc/systemd/system/autoinfrasnap.service
#   systemctl daemon-reload && systemctl enable --now autoinfrasnap
#   cat ${SERVICE_DATA_DIR}/initial-admin-key    # the first admin key: store it, then delete the file
# More keys:   runuser -u ${user} -- ${o.node} ${o.script} serve --data-dir ${SERVICE_DATA_DIR} --new-key NAME --scope read
# Renewed certificate: systemctl reload autoinfrasnap (SIGHUP re-reads it)

[Unit]
Description=AutoInfraSnap agent (live metrics, alerts, dashboard and Prometheus /metrics)
After=network-online.target
Wants=network-online.target
StartLimitIntervalSec=300
StartLimitBurst=5

[Service]
Type=simple
User=${user}
Group=${user}
ExecStart=${exec.join(' ')}
ExecReload=/bin/kill -HUP $MAINPID
Restart=on-failure
RestartSec=5s
TimeoutStopSec=30s
Environment=HOME=${SERVICE_DATA_DIR} XDG_CONFIG_HOME=${SERVICE_DATA_DIR}/config NODE_ENV=production
${credentials.join('\n')}
# Docker or Podman containers: let the service read the engine's socket.
#SupplementaryGroups=docker

# Files: the whole system read-only, the state folder the only place it writes.
StateDirectory=autoinfrasnap
StateDirectoryMode=0700
ReadWritePaths=${SERVICE_DATA_DIR}
UMask=0077
ProtectSystem=strict
ProtectHome=read-only
PrivateTmp=yes
PrivateDevices=yes

# Privileges: none to gain, none to keep.
NoNewPrivileges=yes
CapabilityBoundingSet=
AmbientCapabilities=
RestrictSUIDSGID=yes
RemoveIPC=yes

# Kernel and system interfaces: readable for metrics, never changeable.
ProtectKernelTunables=yes
ProtectKernelModules=yes
ProtectKernelLogs=yes
ProtectControlGroups=yes
ProtectClock=yes
ProtectHostname=yes
RestrictNamespaces=yes
RestrictRealtime=yes
LockPersonality=yes
RestrictAddressFamilies=AF_UNIX AF_INET AF_INET6 AF_NETLINK
SystemCallArchitectures=native
SystemCallFilter=@system-service
SystemCallFilter=~@privileged
SystemCallErrorNumber=EPERM
# Not MemoryDenyWriteExecute: V8's JIT compiler needs writable, executable memory.

# Resources: the agent stays small; this is a safety net, not a budget.
MemoryHigh=192M
MemoryMax=256M
TasksMax=64

[Install]
WantedBy=multi-user.target
`;
}
