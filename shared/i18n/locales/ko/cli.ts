import type { TranslationOf } from '../../catalog.js';
import type { cli as en } from '../en/cli.js';

/** 명령줄 메시지: 사용법·설정 오류, 경고, 저장소. */
export const cli: TranslationOf<typeof en> = {
  usage: {
    unknown_command: '알 수 없는 명령 "{{command}}"; "{{hint}}"을(를) 뜻했나요? (명령: {{commands}})',
    unknown_command_plain: '알 수 없는 명령 "{{command}}" (명령: {{commands}})',
    unknown_option: '알 수 없는 옵션 {{option}} (--help 참고)',
    missing_value: '옵션 {{option}}에 값이 필요합니다 (--help 참고)',
    unexpected_argument: '예상하지 못한 인자 "{{argument}}" (--help 참고)',
    number: '{{flag}} "{{value}}": {{min}}에서 {{max}} 사이의 숫자여야 합니다',
    integer: '{{flag}} "{{value}}": {{min}}에서 {{max}} 사이의 정수여야 합니다',
    format: '--format "{{value}}": {{formats}} 중 하나여야 합니다',
    unknown_section: '{{flag}}: 알 수 없는 섹션 "{{value}}" (섹션: {{sections}})',
    no_sections: '--only와 --skip 때문에 수집할 섹션이 없습니다',
    show_single: 'show에는 스냅숏 하나를 지정하세요: ID, latest, latest~N 또는 파일 (--help 참고)',
    config_sub: 'config에는 하위 명령 init 또는 show가 필요합니다',
    config_sub_got: 'config에는 하위 명령 init 또는 show가 필요합니다 ("{{value}}" 입력됨)',
    config_exists: '{{path}} 파일이 이미 있습니다. 기본값으로 덮어쓰려면 --force를 쓰세요',
  },
  config: {
    unknown_setting: '{{where}}의 알 수 없는 설정 "{{key}}"; "{{hint}}"을(를) 뜻했나요?',
    unknown_setting_list: '{{where}}의 알 수 없는 설정 "{{key}}"; 가능한 설정: {{known}}',
    bad_value: '{{where}}의 설정 "{{key}}" 값이 잘못되었습니다: {{detail}}',
    not_json: '설정 파일 {{path}}이(가) 올바른 JSON이 아닙니다 ({{detail}}). 고치거나 삭제하세요',
    unreadable: '설정 파일 {{path}}을(를) 읽을 수 없습니다: {{detail}}',
    unknown_env: '알 수 없는 환경 변수 {{name}}; {{hint}}을(를) 뜻했나요?',
    unknown_env_list: '알 수 없는 환경 변수 {{name}}; 가능한 변수: {{known}}',
    env_number: '{{name}}="{{value}}"은(는) 숫자가 아닙니다',
    env_boolean: '{{name}}="{{value}}"은(는) 불리언이 아닙니다: true 또는 false를 쓰세요',
    env_array: '{{name}}이(가) 올바른 JSON 배열이 아닙니다: ["a","b"] 또는 a,b 형식으로 쓰세요',
    where_env: '환경 변수',
    where_flags: '명령줄',
    expected: '{{expected}} 값이어야 합니다',
    one_of: '{{values}} 중 하나여야 합니다',
    too_small: '{{min}} 이상이어야 합니다',
    too_big: '{{max}} 이하여야 합니다',
  },
  store: {
    empty: '{{ref}}: 스냅숏 저장소가 비어 있습니다',
    only_one: '{{ref}}: 저장된 스냅숏은 {{count}}개뿐입니다 (latest … latest~{{last}})',
    only_other: '{{ref}}: 저장된 스냅숏은 {{count}}개뿐입니다 (latest … latest~{{last}})',
    not_an_id: '"{{ref}}"은(는) 스냅숏 ID가 아닙니다. latest, latest~N 또는 ID를 쓰세요',
    too_short: '"{{ref}}"이(가) 너무 짧습니다: ID를 {{min}}자 이상 입력하세요',
    no_such: 'ID가 {{ref}}인 스냅숏이 없습니다',
    ambiguous: '"{{ref}}"에 해당하는 스냅숏이 {{count}}개입니다: {{shown}}. ID를 더 입력하세요',
    ambiguous_more:
      '"{{ref}}"에 해당하는 스냅숏이 {{count}}개입니다: {{shown}} 외 {{extra}}개. ID를 더 입력하세요',
    newer:
      '{{label}}: 더 새로운 AutoInfraSnap이 만든 파일입니다 (schema_version {{version}}, 이 버전은 {{supported}}까지 읽음)',
    not_snapshot: '{{label}}: AutoInfraSnap 스냅숏이 아닙니다: {{detail}}',
    damaged_gzip: '{{label}}: 손상된 gzip 데이터 ({{detail}})',
    binary: '{{label}}: 스냅숏이 아닙니다: gzip도 JSON도 아닌 바이너리 데이터',
    invalid_json: '{{label}}: 스냅숏이 아닙니다: 잘못된 JSON ({{detail}})',
    locked: '스냅숏 저장소를 {{who}}이(가) 잠그고 있습니다. 실행 중인 것이 없다면 {{path}}을(를) 삭제하세요',
  },
  io: {
    cannot_write: '{{path}}에 쓸 수 없습니다: {{detail}}',
  },
  internal: '내부 오류: {{detail}} (--debug로 다시 실행해 보고해 주세요)',
  warn: {
    redaction_off: '경고: 가림 처리가 꺼져 있어 이 스냅숏에 비밀번호나 토큰이 있을 수 있습니다',
  },
  note: {
    saved: '{{id}} 저장됨 ({{bytes}}바이트)',
    no_snapshots: '{{dir}}에 아직 스냅숏이 없습니다. 찍으려면: autoinfrasnap snap',
    layers: '적용 순서: {{layers}}',
  },
  list: {
    ref: '참조',
    id: 'ID',
    taken: '시각 (UTC)',
    host: '호스트',
    size: '크기',
    errors_one: '오류 {{count}}개',
    errors_other: '오류 {{count}}개',
  },
};
