/** Messages of the tray app (English, the reference catalog): tray menu, tooltip, notifications, dialogs. */
export const tray = {
  status: { ok: 'All good', warning: 'Warning', critical: 'Critical', paused: 'Monitoring paused' },
  tooltip: {
    title: 'AutoInfraSnap — {{status}}',
    firing_one: '{{count}} alert firing',
    firing_other: '{{count}} alerts firing',
    metrics: 'CPU {{cpu}} · Memory {{memory}}',
  },
  menu: {
    open_popover: 'Show status',
    open_dashboard: 'Open dashboard',
    take_snapshot: 'Take snapshot',
    share: 'Share latest snapshot',
    share_unconfigured: 'Share latest snapshot (set up S3 first)',
    export: 'Export latest snapshot',
    export_html: 'As HTML…',
    export_markdown: 'As Markdown…',
    export_json: 'As JSON…',
    copy_markdown: 'Copy as Markdown',
    pause: 'Pause monitoring',
    start_at_login: 'Start at login',
    quit: 'Quit AutoInfraSnap',
  },
  notify: {
    firing: '{{severity}} on {{host}}',
    resolved: 'Resolved on {{host}}',
    digest_title: 'AutoInfraSnap on {{host}}',
    digest_one: '{{count}} more alert change',
    digest_other: '{{count}} more alert changes',
  },
  export: {
    dialog_title: 'Export snapshot',
    filter_html: 'HTML report',
    filter_markdown: 'Markdown',
    filter_json: 'JSON snapshot',
    saved: 'Saved {{path}}',
    copied: 'Markdown copied to the clipboard',
    none: 'No snapshot yet: take one first (tray menu → Take snapshot)',
    save_html: 'Save report…',
    copy_markdown: 'Copy Markdown',
    downloaded: 'Report downloaded',
    label: 'Export the latest snapshot',
  },
  snapshot: {
    taken: 'Snapshot {{id}} saved',
    failed: 'Snapshot failed: {{detail}}',
  },
  share: {
    done: 'Link copied to the clipboard: {{url}}',
    failed: 'Share failed: {{detail}}',
  },
  ipc: {
    bad_request:
      '{{command}}: invalid request ({{detail}}); update the app so the window and main process match',
    unknown_command: 'unknown command "{{command}}"; update the app so the window and main process match',
    untrusted_sender: 'request refused: it did not come from an AutoInfraSnap window',
  },
  settings: {
    unreadable: 'cannot read the settings file {{path}}: {{detail}}; fix or delete it',
  },
};
