import type { TranslationOf } from '../../catalog.js';
import type { en } from '../en/index.js';
import { check } from './check.js';
import { cli } from './cli.js';
import { common } from './common.js';
import { diff } from './diff.js';
import { report } from './report.js';

/** The Korean catalog. */
export const ko: TranslationOf<typeof en> = { common, cli, report, diff, check };
