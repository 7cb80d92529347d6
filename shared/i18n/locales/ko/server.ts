import type { TranslationOf } from '../../catalog.js';
import type { server as en } from '../en/server.js';

/** 헤드리스 서버(`autoinfrasnap serve`, `autoinfrasnap tls`)의 메시지 (한국어). */
export const server: TranslationOf<typeof en> = {
  listening: 'AutoInfraSnap 서버가 {{url}} 에서 대기 중입니다',
  key_created:
    'API 키 (이번 한 번만 표시됩니다. 지금 보관하세요): {{key}}\n키의 SHA-256 해시만 {{path}} 에 저장됩니다',
  key_saved:
    '첫 관리자(admin) API 키를 만들어 {{file}} 에 저장했습니다 (권한 0600, 유일한 사본): 읽어서 안전하게 보관한 뒤 그 파일을 지우세요',
  key_file: 'API 키: {{path}} 에 {{count}}개 (해시만 저장)',
  key_env: 'API 키: AUTOINFRASNAP_API_KEY (admin)',
  key_migrated: '{{old}} 의 API 키는 이제 {{path}} 의 관리자 키 "initial" 입니다',
  auth_off: '인증이 꺼져 있습니다 (--no-auth): {{url}} 에 접근할 수 있는 누구나 이 컴퓨터의 정보를 봅니다',
  plain_bind:
    '{{host}} 에서 TLS 없이 대기 중입니다: 키와 데이터가 암호화되지 않은 채 네트워크를 지나갑니다. --tls-cert 와 --tls-key 를 쓰세요 (autoinfrasnap tls init 이 만들어 줍니다)',
  metrics_public:
    '/metrics 에 키가 필요 없습니다 (--metrics-public): {{url}} 에 접근할 수 있는 누구나 지표를 읽습니다',
  stopping: '종료하는 중 ({{signal}})…',
  stopped: '종료됨',
  interval: '--interval "{{value}}": {{min}}~{{max}} 사이의 초를 지정하세요',
  port: '--port "{{value}}": 0~65535 사이의 포트를 지정하세요',
  no_auth_loopback: '--no-auth 는 루프백 주소(127.0.0.1, ::1)에서만 쓸 수 있습니다 ({{host}} 불가)',
  allow_host: '--allow-host "{{value}}": 호스트 이름이나 IP 주소를 지정하세요',
  no_build:
    '웹 대시보드가 아직 빌드되지 않았습니다. AutoInfraSnap 폴더에서 npm run build 를 실행한 뒤 이 페이지를 새로 고치세요.',
  login: {
    title: 'AutoInfraSnap — 로그인',
    heading: '로그인',
    label: 'API 키',
    hint: '이 서버의 API 키: serve 가 처음 만든 키, serve --new-key 로 만든 키, 또는 AUTOINFRASNAP_API_KEY. read 키로는 읽기 전용으로 로그인됩니다.',
    submit: '로그인',
    failed: '유효한 키가 아닙니다.',
  },
  keys: {
    file_bad:
      'API 키 파일 {{file}} 이 손상되었습니다 ({{detail}}). 백업에서 복원하거나, 파일을 옮긴 뒤 serve 를 다시 시작하세요 (새 관리자 키가 만들어집니다)',
    bad_scope: '--scope "{{value}}": read 또는 admin 을 지정하세요',
    bad_name: '--new-key "{{value}}": 1~64자의 글자, 숫자, 공백, 점, 대시, 밑줄로 된 이름을 지정하세요',
    scope_without_key: '--scope 는 --new-key NAME 과 함께 씁니다',
    new_key:
      '새 {{scope}} API 키 "{{name}}" (id {{id}}) 를 {{path}} 에 저장했습니다. 이번 한 번만 표시되는 키는 다음 줄에 있습니다:',
  },
  tls: {
    pair: '--tls-cert 와 --tls-key 는 함께 씁니다: 둘 다 지정하세요 (일반 HTTP 라면 둘 다 빼세요)',
    unreadable:
      '{{file}} 을(를) 읽을 수 없습니다 ({{code}}). --tls-cert 나 --tls-key 에 준 경로와 권한을 확인하세요',
    cert_bad:
      '--tls-cert {{file}}: 쓸 수 있는 PEM 인증서가 아닙니다 ({{detail}}). 서버 인증서를 지정하세요 (예: autoinfrasnap tls init 이 만든 server.crt)',
    key_bad:
      '--tls-key {{file}}: 쓸 수 있는 PEM 개인 키가 아닙니다 ({{detail}}). 서버 키를 지정하세요 (예: autoinfrasnap tls init 이 만든 server.key)',
    mismatch: '--tls-key {{key}} 는 인증서 {{cert}} 의 키가 아닙니다. 그 인증서를 발급받은 키를 지정하세요',
    expired:
      '--tls-cert {{file}} 은(는) {{date}} 에 만료되었습니다. 갱신하세요 (autoinfrasnap tls init --force 가 새로 만듭니다)',
    expiring: 'TLS 인증서 {{file}} 이(가) {{date}} 에 만료됩니다 ({{days}}일 남음): 곧 갱신하세요',
    key_exposed: 'TLS 키 {{file}} 을(를) 다른 사용자가 읽을 수 있습니다: chmod 600 을 실행하세요',
    https_on: 'HTTPS 사용: 인증서 {{file}}, {{names}} 에 대해 {{date}} 까지 유효',
    reloaded: 'TLS 인증서를 {{file}} 에서 다시 읽었습니다 (SIGHUP)',
    reload_failed: 'TLS 인증서를 다시 읽지 못했습니다 ({{detail}}). 이전 인증서를 계속 씁니다',
    ca_not_pem:
      '{{file}}: PEM 인증서(-----BEGIN CERTIFICATE-----)가 없습니다. CA 인증서를 지정하세요 (예: autoinfrasnap tls init 이 만든 ca.crt)',
    ca_bad: '{{file}}: 올바른 인증서가 아닙니다 ({{detail}}). CA 인증서 파일(PEM)을 지정하세요',
    ca_unreadable: 'CA 파일 {{file}} 을(를) 읽을 수 없습니다 ({{code}}). 경로와 권한을 확인하세요',
    bad_name: '--name "{{name}}": DNS 이름(host.example.com, *.example.com)이나 IP 주소를 지정하세요',
    bad_days: '--days "{{value}}": 1~825 사이의 정수 일수를 지정하세요',
    exists:
      '{{file}} 이(가) 이미 있습니다: 서버 인증서를 바꾸려면 --force 를 주세요 (CA 는 유지됩니다). 아니면 다른 --dir 를 고르세요',
    ca_reuse:
      '{{dir}} 의 CA 를 다시 쓸 수 없습니다 ({{detail}}). 새 CA 를 만들려면 ca.crt 와 ca.key 를 옮기세요',
    subcommand: 'tls "{{value}}": tls init 을 쓰세요',
    init_done: `{{dir}} 에 만들었습니다:
  ca.crt      CA 인증서{{reused}}: 클라이언트(브라우저, Prometheus, 앱의 원격 호스트)에 주세요
  ca.key      CA 개인 키 (0600): 여기나 오프라인에 보관하세요. 새 서버 인증서에 서명합니다
  server.crt  서버 인증서, {{names}} 용, {{date}} 까지 유효
  server.key  서버 개인 키 (0600)

이 파일들로 서버를 시작하세요:
  autoinfrasnap serve --tls-cert {{serverCert}} --tls-key {{serverKey}}
이 CA 만 믿는 클라이언트에서 확인하세요:
  curl --cacert {{caCert}} -H "Authorization: Bearer KEY" https://localhost:8780/api/v1/status
Prometheus: tls_config: { ca_file: {{caCert}} }`,
    reused_ca: ' (기존 것을 유지)',
  },
};
