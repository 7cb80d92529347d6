import type { TranslationOf } from '../../catalog.js';
import type { common as en } from '../en/common.js';

/** 모든 보고서와 CLI에서 함께 쓰는 말. */
export const common: TranslationOf<typeof en> = {
  health: {
    ok: '정상',
    warning: '경고',
    critical: '심각',
    nothing: '주의가 필요한 항목 없음',
    disk_full: '디스크 {{subject}} 사용률 {{value}}',
    disk_filling: '디스크 {{subject}} 사용률 {{value}}',
    service_failed: '서비스 {{subject}} 실패',
    zombies_one: '좀비 프로세스 {{count}}개',
    zombies_other: '좀비 프로세스 {{count}}개',
    swap_in_use: '스왑 {{value}} 사용 중',
    memory_low: '메모리 {{value}} 사용 중',
    hot_process: '{{subject}} CPU {{value}}',
    reader_failed: '{{subject}} 정보를 읽지 못함',
  },
  section: {
    host: '호스트',
    cpu: 'CPU',
    memory: '메모리',
    swap: '스왑',
    disks: '디스크',
    disk: '디스크',
    network: '네트워크',
    ports: '포트',
    processes: '프로세스',
    users: '사용자',
    sensors: '센서',
    services: '서비스',
    containers: '컨테이너',
    error: '오류',
    redacted: '가림 처리',
  },
  summary: {
    host: '{{hostname}} · {{os}} · 커널 {{kernel}} · {{arch}} · 가동 {{uptime}}',
    cpu: '코어 {{cores}}개 중 {{usage}}',
    load: '부하 {{load1}} {{load5}} {{load15}}',
    services: '{{manager}}: 실행 {{running}}, 실패 {{failed}} / 전체 {{total}}',
    containers: '실행 {{running}} / 전체 {{total}} ({{engine}})',
    top_cpu: 'CPU 상위: {{list}}',
  },
  redaction: {
    off: '꺼짐: 이 스냅숏에 비밀 정보가 있을 수 있음',
    count_one: '값 {{count}}개',
    count_other: '값 {{count}}개',
  },
};
