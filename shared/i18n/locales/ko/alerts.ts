import type { TranslationOf } from '../../catalog.js';
import type { alerts as en } from '../en/alerts.js';

/** 알림 규칙의 메시지 (한국어): 트레이, UI, 웹훅에 표시되는 알림 문구. */
export const alerts: TranslationOf<typeof en> = {
  metric: {
    cpu: {
      now: 'CPU 사용률 {{value}}%',
      seconds: 'CPU 사용률 {{value}}%가 {{seconds}}초 동안 지속',
      minutes: 'CPU 사용률 {{value}}%가 {{minutes}}분 동안 지속',
    },
    memory: {
      now: '메모리 사용률 {{value}}%',
      seconds: '메모리 사용률 {{value}}%가 {{seconds}}초 동안 지속',
      minutes: '메모리 사용률 {{value}}%가 {{minutes}}분 동안 지속',
    },
    swap: {
      now: '스왑 사용률 {{value}}%',
      seconds: '스왑 사용률 {{value}}%가 {{seconds}}초 동안 지속',
      minutes: '스왑 사용률 {{value}}%가 {{minutes}}분 동안 지속',
    },
    load1: {
      now: '부하 평균 {{value}}',
      seconds: '부하 평균 {{value}}이(가) {{seconds}}초 동안 지속',
      minutes: '부하 평균 {{value}}이(가) {{minutes}}분 동안 지속',
    },
    disk: {
      now: '디스크 {{mount}} 사용률 {{value}}%',
      seconds: '디스크 {{mount}} 사용률 {{value}}%가 {{seconds}}초 동안 지속',
      minutes: '디스크 {{mount}} 사용률 {{value}}%가 {{minutes}}분 동안 지속',
    },
    temp: {
      now: '온도 {{value}} °C',
      seconds: '온도 {{value}} °C가 {{seconds}}초 동안 지속',
      minutes: '온도 {{value}} °C가 {{minutes}}분 동안 지속',
    },
    battery: {
      now: '배터리 {{value}}%',
      seconds: '배터리 {{value}}%가 {{seconds}}초 동안 지속',
      minutes: '배터리 {{value}}%가 {{minutes}}분 동안 지속',
    },
    other: '{{metric}} 값 {{value}}',
  },
  process: {
    cpu: '프로세스 {{name}}이(가) CPU {{value}}% 사용 중',
    memory: '프로세스 {{name}}이(가) 메모리 {{size}} 사용 중',
  },
  container: {
    exited: '컨테이너 {{name}}이(가) 종료됨',
    unhealthy: '컨테이너 {{name}} 상태 이상(unhealthy)',
    restart_loop_one: '컨테이너 {{name}}이(가) 10분 동안 {{count}}번 재시작됨',
    restart_loop_other: '컨테이너 {{name}}이(가) 10분 동안 {{count}}번 재시작됨',
  },
  forecast: {
    hours: '디스크 {{mount}}이(가) 약 {{hours}}시간 후 가득 참',
    minutes: '디스크 {{mount}}이(가) 약 {{minutes}}분 후 가득 참',
  },
  state: { pending: '대기', firing: '발생', resolved: '해소' },
  severity: { warning: '경고', critical: '심각' },
};
