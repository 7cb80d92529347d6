import { alerts } from './alerts.js';
import { check } from './check.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { diff } from './diff.js';
import { report } from './report.js';
import { server } from './server.js';
import { ui } from './ui.js';

/** The English catalog: the reference every other language must match key for key. */
export const en = { alerts, common, cli, report, diff, check, ui, server };
