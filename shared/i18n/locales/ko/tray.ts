import type { TranslationOf } from '../../catalog.js';
import type { tray as en } from '../en/tray.js';

/** 트레이 앱 메시지 (한국어): 트레이 메뉴, 툴팁, 알림, 대화상자. */
export const tray: TranslationOf<typeof en> = {
  status: { ok: '정상', warning: '경고', critical: '심각', paused: '모니터링 일시 중지됨' },
  tooltip: {
    title: 'AutoInfraSnap — {{status}}',
    firing_one: '알림 {{count}}개 발생 중',
    firing_other: '알림 {{count}}개 발생 중',
    metrics: 'CPU {{cpu}} · 메모리 {{memory}}',
  },
  menu: {
    open_popover: '상태 보기',
    open_dashboard: '대시보드 열기',
    take_snapshot: '스냅샷 찍기',
    share: '최신 스냅샷 공유',
    share_unconfigured: '최신 스냅샷 공유 (먼저 S3를 설정하세요)',
    export: '최신 스냅샷 내보내기',
    export_html: 'HTML로…',
    export_markdown: 'Markdown으로…',
    export_json: 'JSON으로…',
    copy_markdown: 'Markdown으로 복사',
    pause: '모니터링 일시 중지',
    start_at_login: '로그인 시 시작',
    quit: 'AutoInfraSnap 종료',
  },
  notify: {
    firing: '{{host}}: {{severity}}',
    resolved: '{{host}}: 해결됨',
    digest_title: 'AutoInfraSnap ({{host}})',
    digest_one: '알림 변경 {{count}}건 더 있음',
    digest_other: '알림 변경 {{count}}건 더 있음',
  },
  export: {
    dialog_title: '스냅샷 내보내기',
    filter_html: 'HTML 보고서',
    filter_markdown: 'Markdown',
    filter_json: 'JSON 스냅샷',
    saved: '{{path}}에 저장했습니다',
    copied: 'Markdown을 클립보드에 복사했습니다',
    none: '아직 스냅샷이 없습니다: 먼저 찍으세요 (트레이 메뉴 → 스냅샷 찍기)',
    save_html: '보고서 저장…',
    copy_markdown: 'Markdown 복사',
    downloaded: '보고서를 내려받았습니다',
    label: '최신 스냅샷 내보내기',
  },
  snapshot: {
    taken: '스냅샷 {{id}}을(를) 저장했습니다',
    failed: '스냅샷 실패: {{detail}}',
  },
  share: {
    done: '링크를 클립보드에 복사했습니다: {{url}}',
    failed: '공유 실패: {{detail}}',
  },
  ipc: {
    bad_request: '{{command}}: 잘못된 요청 ({{detail}}); 창과 메인 프로세스가 맞도록 앱을 업데이트하세요',
    unknown_command: '알 수 없는 명령 "{{command}}"; 창과 메인 프로세스가 맞도록 앱을 업데이트하세요',
    untrusted_sender: '요청 거부: AutoInfraSnap 창에서 온 요청이 아닙니다',
  },
  settings: {
    unreadable: '설정 파일 {{path}}을(를) 읽을 수 없습니다: {{detail}}; 고치거나 삭제하세요',
  },
};
