import type { TranslationOf } from '../../catalog.js';
import type { report as en } from '../en/report.js';

/** report 기능의 메시지 (한국어). */
export const report: TranslationOf<typeof en> = {};
