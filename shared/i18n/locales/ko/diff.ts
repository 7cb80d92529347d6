import type { TranslationOf } from '../../catalog.js';
import type { diff as en } from '../en/diff.js';

/** diff 기능의 메시지 (한국어). */
export const diff: TranslationOf<typeof en> = {};
