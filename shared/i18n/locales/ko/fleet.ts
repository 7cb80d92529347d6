import type { TranslationOf } from '../../catalog.js';
import type { fleet as en } from '../en/fleet.js';

/** 플릿 보기의 메시지 (한국어): 개요의 원격 호스트, 호스트 선택, 호스트 편집기. */
export const fleet: TranslationOf<typeof en> = {
  title: '플릿',
  empty: '아직 원격 호스트가 없습니다. 설정에서 autoinfrasnap serve 를 실행하는 호스트를 추가하세요.',
  local: '이 컴퓨터',
  local_named: '이 컴퓨터 ({{host}})',
  picker: '호스트',
  viewing: '{{host}} 표시 중',
  open: '{{host}} 열기',
  since: '{{time}} 부터',
  no_alerts: '발생 중인 알림 없음',
  more_alerts: '외 {{count}}개',
  spark: '{{host}} 의 {{metric}}, 최근 샘플 {{count}}개',
  no_data: '아직 데이터 없음',
  host_unreachable: '{{host}} 에 연결할 수 없습니다 ({{reason}}): 마지막으로 받은 내용을 표시합니다.',
  state: {
    connecting: '연결 중',
    ok: '정상',
    warning: '경고',
    critical: '위험',
    unreachable: '연결 불가',
  },
  problem: {
    network: '연결할 수 없음',
    tls: '신뢰할 수 없는 인증서 (TLS)',
    auth: '키가 거부됨',
    http: 'HTTP 오류',
    timeout: '응답 없음',
    protocol: 'AutoInfraSnap 서버가 아님',
    config: '설정되지 않음',
    paused: '샘플링 중지됨',
  },
  editor: {
    title: '원격 호스트',
    help: '각 호스트는 autoinfrasnap serve 를 실행합니다. URL, 읽기 API 키, 그리고 자체 CA 로 HTTPS 를 쓰면 CA 인증서를 입력하세요. 키는 이 컴퓨터의 비공개 파일에 보관되며 다시 표시되지 않습니다.',
    name: '이름',
    url: 'URL',
    key: '읽기 API 키',
    key_kept: '보관됨 — 바꾸려면 입력',
    ca: 'CA 인증서 (PEM 파일 경로 또는 PEM 텍스트, 선택)',
    add: '호스트 추가',
    remove: '{{host}} 제거',
    save: '호스트 저장',
    saved: '호스트를 저장했습니다.',
    plain_http: '암호화되지 않음: 이 컴퓨터 밖의 호스트에는 https:// 를 쓰세요.',
  },
  overridden:
    '플릿 호스트가 autoinfrasnap.json, --config 또는 AUTOINFRASNAP_FLEET_HOSTS 에서 설정되어 설정 화면보다 우선합니다: 그곳에서 바꾸세요',
  invalid: {
    name: '호스트 {{index}} "{{host}}": 이름은 영문자, 숫자, ".", "_", "-" 로 63자 이내여야 합니다',
    url: '호스트 {{index}} ({{host}}): 주소를 http(s)://이름:포트 형식으로, 쿼리나 # 없이 입력하세요',
    url_scheme: '호스트 {{index}} ({{host}}): URL 은 http:// 또는 https:// 로 시작해야 합니다',
    url_credentials:
      '호스트 {{index}} ({{host}}): URL 에 user:password 를 넣지 마세요 — 키는 키 입력란에 넣으세요',
    ca: '호스트 {{index}} ({{host}}): CA 는 PEM 파일의 절대 경로이거나 PEM 인증서 자체여야 합니다',
    duplicate: '호스트 {{index}}: 이름 "{{host}}" 가 두 번 쓰였습니다 — 호스트마다 다른 이름을 주세요',
    key: '호스트 {{index}} ({{host}}): 읽기 API 키가 필요합니다 (새 호스트이거나 주소가 바뀌었습니다)',
  },
};
