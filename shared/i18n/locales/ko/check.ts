import type { TranslationOf } from '../../catalog.js';
import type { check as en } from '../en/check.js';

/** check 기능의 메시지 (한국어). */
export const check: TranslationOf<typeof en> = {};
