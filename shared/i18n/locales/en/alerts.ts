/** Messages of alert rules (English, the reference catalog): what an alert says in the tray, UI and webhooks. */
export const alerts = {
  metric: {
    cpu: {
      now: 'CPU at {{value}}%',
      seconds: 'CPU at {{value}}% for {{seconds}} s',
      minutes: 'CPU at {{value}}% for {{minutes}} min',
    },
    memory: {
      now: 'Memory at {{value}}%',
      seconds: 'Memory at {{value}}% for {{seconds}} s',
      minutes: 'Memory at {{value}}% for {{minutes}} min',
    },
    swap: {
      now: 'Swap at {{value}}%',
      seconds: 'Swap at {{value}}% for {{seconds}} s',
      minutes: 'Swap at {{value}}% for {{minutes}} min',
    },
    load1: {
      now: 'Load average at {{value}}',
      seconds: 'Load average at {{value}} for {{seconds}} s',
      minutes: 'Load average at {{value}} for {{minutes}} min',
    },
    disk: {
      now: 'Disk {{mount}} is {{value}}% full',
      seconds: 'Disk {{mount}} is {{value}}% full for {{seconds}} s',
      minutes: 'Disk {{mount}} is {{value}}% full for {{minutes}} min',
    },
    temp: {
      now: 'Temperature at {{value}} °C',
      seconds: 'Temperature at {{value}} °C for {{seconds}} s',
      minutes: 'Temperature at {{value}} °C for {{minutes}} min',
    },
    battery: {
      now: 'Battery at {{value}}%',
      seconds: 'Battery at {{value}}% for {{seconds}} s',
      minutes: 'Battery at {{value}}% for {{minutes}} min',
    },
    other: '{{metric}} at {{value}}',
  },
  process: {
    cpu: 'Process {{name}} uses {{value}}% CPU',
    memory: 'Process {{name}} uses {{size}}',
  },
  container: {
    exited: 'Container {{name}} exited',
    unhealthy: 'Container {{name}} is unhealthy',
    restart_loop_one: 'Container {{name}} restarted {{count}} time in 10 min',
    restart_loop_other: 'Container {{name}} restarted {{count}} times in 10 min',
  },
  forecast: {
    hours: 'Disk {{mount}} will be full in ~{{hours}} h',
    minutes: 'Disk {{mount}} will be full in ~{{minutes}} min',
  },
  state: { pending: 'pending', firing: 'firing', resolved: 'resolved' },
  severity: { warning: 'warning', critical: 'critical' },
};
