import { alerts } from './alerts.js';
import { check } from './check.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { delivery } from './delivery.js';
import { diff } from './diff.js';
import { fleet } from './fleet.js';
import { report } from './report.js';
import { reportview } from './reportview.js';
import { s3 } from './s3.js';
import { server } from './server.js';
import { tray } from './tray.js';
import { ui } from './ui.js';

/** The English catalog: the reference every other language must match key for key. */
export const en = {
  alerts,
  common,
  cli,
  report,
  diff,
  check,
  ui,
  server,
  s3,
  delivery,
  tray,
  fleet,
  reportview,
};
