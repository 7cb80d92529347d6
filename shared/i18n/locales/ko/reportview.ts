import type { TranslationOf } from '../../catalog.js';
import type { reportview as en } from '../en/reportview.js';

/** 데스크톱 앱 보고서 보기 메시지 (한국어): 저장된 스냅샷의 HTML 보고서를 보여 줄 수 없을 때의 안내. */
export const reportview: TranslationOf<typeof en> = {
  bad_ref: '스냅샷 참조가 아닙니다: latest, latest~N, ID 또는 ID 앞부분을 사용하세요.',
  bad_lang: '알 수 없는 보고서 언어 "{{lang}}": en 또는 ko를 사용하세요.',
  not_found: '이 참조와 일치하는 저장된 스냅샷이 없습니다: 스냅샷을 찍거나 목록에서 고르세요.',
  corrupt: '저장된 스냅샷을 읽을 수 없습니다: 새 스냅샷을 찍으세요.',
  method: '여기서는 GET만 응답합니다: 보고서 보기는 보고서를 불러오기만 합니다.',
  internal: '보고서를 만들지 못했습니다: 다시 시도하거나 스냅샷 목록에서 내보내세요.',
};
