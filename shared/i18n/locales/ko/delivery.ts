import type { TranslationOf } from '../../catalog.js';
import type { delivery as en } from '../en/delivery.js';

/** 알림 전달 메시지 (한국어). */
export const delivery: TranslationOf<typeof en> = {
  title: {
    firing: '[{{severity}}] {{host}}: {{message}}',
    resolved: '[해결됨] {{host}}: {{message}}',
    test: '{{host}}에서 보낸 AutoInfraSnap 테스트 메시지',
  },
  field: {
    host: '호스트',
    severity: '심각도',
    state: '상태',
    value: '값',
    rule: '규칙',
    subject: '대상',
    at: '시각',
    snapshot: '알림 시점에 실행 중이던 것',
    top_cpu: 'CPU 사용량 상위 프로세스',
    top_memory: '메모리 사용량 상위 프로세스',
  },
  test_body: '이 메시지가 보이면 {{host}}의 알림이 전달 대상 "{{id}}"에 도착합니다.',
  footer: 'AutoInfraSnap에서 보냄',
  error: {
    secret_env:
      '전달 대상 "{{id}}": 환경 변수 {{name}}이(가) 설정되지 않았습니다 — 설정하거나 {{field}}을(를) 바꾸세요',
    secret_file:
      '전달 대상 "{{id}}": {{path}}을(를) 읽을 수 없습니다 ({{detail}}) — {{field}}의 경로를 고치세요',
    secret_mode:
      '전달 대상 "{{id}}": 다른 사용자가 {{path}}을(를) 읽을 수 있습니다 (모드 {{mode}}) — chmod 600 {{path}}을(를) 실행하세요',
    secret_empty: '전달 대상 "{{id}}": {{field}}이(가) 가리키는 값이 비어 있습니다 — 비밀 값을 넣으세요',
    url: '전달 대상 "{{id}}": {{field}}이(가) http:// 또는 https:// URL이 아닙니다 — 고치세요',
    ca_file: '전달 대상 "{{id}}": CA 파일 {{path}}을(를) 읽을 수 없습니다 ({{detail}}) — caFile을 고치세요',
    http: '{{destination}}에서 HTTP {{status}} 응답',
    unknown_target: '전달 대상 "{{id}}"이(가) 없습니다 — 있는 대상: {{known}}',
    no_targets: '설정된 전달 대상이 없습니다 — delivery.targets에 추가하세요 (docs/alerts-delivery.md 참고)',
  },
  cli: {
    sub: 'alerts에는 하위 명령이 필요합니다: test-delivery [대상]',
    sub_got: 'alerts에는 하위 명령이 필요합니다: test-delivery [대상] ("{{value}}"이(가) 주어짐)',
    ok: '{{id}} ({{kind}}, {{destination}}): 전달됨',
    failed: '{{id}} ({{kind}}, {{destination}}): 실패 — {{error}}',
  },
  ui: {
    title: '알림 전달',
    none: '전달 대상이 없습니다. 설정 파일의 delivery.targets에 웹훅이나 이메일을 추가하세요.',
    target: '대상',
    destination: '목적지',
    last_success: '마지막 전달',
    last_failure: '마지막 실패',
    pending: '대기 중인 재시도',
    sent: '보냄',
    failed: '포기함',
    disabled: '꺼짐',
    never: '없음',
    test: '테스트 보내기',
    testing: '보내는 중…',
    test_ok: '{{id}}에 테스트 메시지를 전달했습니다',
    test_failed: '{{id}}에 테스트 메시지를 보내지 못했습니다: {{error}}',
    refresh: '새로 고침',
  },
};
