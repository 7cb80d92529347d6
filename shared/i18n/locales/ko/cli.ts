import type { TranslationOf } from '../../catalog.js';
import type { cli as en } from '../en/cli.js';

/** cli 기능의 메시지 (한국어). */
export const cli: TranslationOf<typeof en> = {};
