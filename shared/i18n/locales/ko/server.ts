import type { TranslationOf } from '../../catalog.js';
import type { server as en } from '../en/server.js';

/** 헤드리스 서버(`autoinfrasnap serve`)의 메시지 (한국어). */
export const server: TranslationOf<typeof en> = {
  listening: 'AutoInfraSnap 서버가 {{url}} 에서 대기 중입니다',
  key_created:
    'API 키 (이번 한 번만 표시됩니다. 지금 보관하세요): {{key}}\n키의 SHA-256 해시만 {{path}} 에 저장됩니다',
  key_file: 'API 키: 처음 시작할 때 만든 키 (해시는 {{path}} 에 있음)',
  key_env: 'API 키: AUTOINFRASNAP_API_KEY 에서 가져옴',
  auth_off: '인증이 꺼져 있습니다 (--no-auth): {{url}} 에 접근할 수 있는 누구나 이 컴퓨터의 정보를 봅니다',
  wildcard_bind:
    '모든 인터페이스({{host}})에서 대기 중입니다: 신뢰할 수 없는 네트워크에서는 앞단에 HTTPS(리버스 프록시)를 두세요',
  stopping: '종료하는 중 ({{signal}})…',
  stopped: '종료됨',
  interval: '--interval "{{value}}": {{min}}~{{max}} 사이의 초를 지정하세요',
  port: '--port "{{value}}": 0~65535 사이의 포트를 지정하세요',
  no_auth_loopback: '--no-auth 는 루프백 주소(127.0.0.1, ::1)에서만 쓸 수 있습니다 ({{host}} 불가)',
  no_build:
    '웹 대시보드가 아직 빌드되지 않았습니다. AutoInfraSnap 폴더에서 npm run build 를 실행한 뒤 이 페이지를 새로 고치세요.',
  login: {
    title: 'AutoInfraSnap — 로그인',
    heading: '로그인',
    label: 'API 키',
    hint: 'autoinfrasnap serve 가 처음 시작할 때 출력한 키, 또는 AUTOINFRASNAP_API_KEY.',
    submit: '로그인',
    failed: '유효한 키가 아닙니다.',
  },
};
