import type { TranslationOf } from '../../catalog.js';
import type { s3 as en } from '../en/s3.js';

/** S3 공유, 백업, 원격 스냅숏, 암호화 키, S3 자격 증명 메시지 (한국어). */
export const s3: TranslationOf<typeof en> = {
  not_configured:
    'S3 가 설정되지 않았습니다: s3.bucket 을 지정한 뒤(AUTOINFRASNAP_S3_BUCKET 또는 autoinfrasnap config) 다시 시도하세요',
  expires: {
    invalid: '--expires "{{value}}": 30m, 24h, 7d 같은 기간을 지정하세요',
    too_long: '--expires "{{value}}": 공유 링크는 최대 7일(7d)까지 유효할 수 있습니다',
    too_short: '--expires "{{value}}": 공유 링크는 최소 1분(1m) 이상 유효해야 합니다',
  },
  older_than: {
    invalid: '--older-than "{{value}}": 12h, 30d, 2w 같은 기간을 지정하세요',
  },
  since: {
    invalid: '--since "{{value}}": 2026-01-31 또는 2026-01-31T12:00:00Z 같은 날짜를 지정하세요',
  },
  conn: {
    ok: '연결됨: 버킷 {{bucket}} 에 접근하고 쓸 수 있습니다',
    no_bucket: '버킷 {{bucket}} 이(가) 없습니다: 버킷을 만들거나 s3.bucket 을 고치세요',
    access_denied:
      '버킷 {{bucket}} 에 대한 접근이 거부되었습니다: 액세스 키와, 그 정책이 s3:PutObject, s3:GetObject, s3:ListBucket 을 허용하는지 확인하세요',
    bad_region:
      '버킷 {{bucket}} 은(는) 다른 리전에 있습니다{{hint}}: s3.region 을 버킷의 리전으로 지정하세요',
    unreachable:
      'S3 엔드포인트 {{endpoint}} 에 연결할 수 없습니다 ({{detail}}): s3.endpoint 와 네트워크를 확인하세요',
    clock_skew: '이 컴퓨터의 시계가 S3 서버와 15분 넘게 차이 납니다: 시스템 시간을 맞추세요 (NTP)',
    no_credentials:
      'S3 자격 증명이 없습니다: 설정에 키를 입력하거나, s3.credentialsFile 을 지정하거나, AWS 체인(AWS_PROFILE, AWS_ACCESS_KEY_ID…)을 설정하세요',
    other: 'S3 요청이 실패했습니다: {{detail}}',
  },
  credentials: {
    file_mode:
      '자격 증명 파일 {{path}} 을(를) 다른 사용자가 읽을 수 있습니다 (모드 {{mode}}): chmod 600 {{path}} 를 실행하세요',
    file_invalid:
      '자격 증명 파일 {{path}} 이(가) 올바르지 않습니다: JSON {"accessKeyId": "…", "secretAccessKey": "…"} 형식이어야 합니다',
    file_missing: '자격 증명 파일 {{path}} 이(가) 없습니다: s3.credentialsFile 을 고치세요',
    basic_text:
      '데스크톱에 키링이 없어 S3 키가 basic_text 난독화로만 저장되었습니다: 파일을 읽을 수 있는 사람은 누구나 키를 읽을 수 있습니다',
    unavailable:
      '시스템 키체인을 쓸 수 없어 S3 키를 안전하게 저장할 수 없습니다: AWS 체인(AWS_PROFILE…)이나 s3.credentialsFile 을 쓰세요',
    damaged: '저장된 S3 키를 복호화할 수 없습니다 (키체인이 바뀌었나요?): 설정에서 키를 다시 입력하세요',
  },
  key: {
    generated:
      '암호화 키 {{id}} 을(를) {{path}} 에 저장했습니다 (모드 0600). 안전한 곳에 사본을 보관하세요: 키가 없으면 암호화된 백업을 읽을 수 없습니다.',
    exists:
      '키 파일 {{path}} 이(가) 이미 있습니다: 바꾸려면 --force 를 주세요 (그 키로 암호화된 백업은 이전 키가 있어야 읽힙니다)',
    missing: '암호화 키 파일 {{path}} 이(가) 없습니다: autoinfrasnap key generate 를 실행하세요',
    invalid: '키 파일 {{path}} 은(는) AutoInfraSnap 키가 아닙니다: autoinfrasnap key generate 를 실행하세요',
    file_mode:
      '키 파일 {{path}} 을(를) 다른 사용자가 읽을 수 있습니다 (모드 {{mode}}): chmod 600 {{path}} 를 실행하세요',
    wrong:
      '이 백업은 키 {{wanted}} 로 암호화되었지만 키 파일의 키는 {{have}} 입니다: 키 {{wanted}} 를 쓰세요',
    tampered: '{{label}} 의 무결성 검사에 실패했습니다: 암호화된 객체가 바뀌었거나 손상되어 믿을 수 없습니다',
    not_encrypted: '{{label}} 은(는) 암호화된 AutoInfraSnap 객체가 아닙니다',
    version: '{{label}} 은(는) 암호화 형식 버전 {{version}} 입니다; 이 버전은 {{supported}} 만 읽습니다',
  },
  remote: {
    corrupt:
      '원격 객체 {{key}} 이(가) 손상되었습니다: SHA-256 이 {{actual}} 이지만 업로드할 때는 {{expected}} 였습니다',
    not_found: '"{{ref}}" 에 해당하는 원격 스냅숏이 없습니다: autoinfrasnap remote list 를 보세요',
    ambiguous: '"{{ref}}" 에 해당하는 원격 스냅숏이 {{count}}개입니다: id 를 더 길게 주세요',
    none: 's3://{{bucket}}/{{prefix}} 에 스냅숏이 없습니다',
    written: '{{path}} 에 저장했습니다: autoinfrasnap show {{path}} 로 읽으세요',
    pruned: '{{days}}일보다 오래된 객체 {{count}}개를 지웠습니다 ({{kept}}개 남음)',
    get_single: 'remote get 은 스냅숏 id 하나를 받습니다: autoinfrasnap remote get ID [-o FILE]',
    usage: 'remote 에는 하위 명령이 필요합니다: list, get, prune',
    prune_needs: 'remote prune 에는 --older-than 이 필요합니다 (예: --older-than 30d)',
    header: { id: 'id', host: '호스트', taken: '시각', size: '크기', enc: '암호화' },
  },
  share: {
    done: '스냅숏 {{id}} 을(를) 공유했습니다. 링크 유효 기한 {{until}}:',
    single: 'share 는 스냅숏 참조를 하나까지만 받습니다: autoinfrasnap share [ID|latest]',
  },
  backup: {
    nothing: '로컬 스냅숏이 모두 이미 업로드되었습니다',
    progress: '업로드 중 {{done}}/{{total}} {{id}}',
    done: '스냅숏 {{uploaded}}개 업로드, {{skipped}}개는 이미 있음, {{failed}}개 실패(대기열에서 다시 시도)',
    failed: '{{id}} 업로드 실패 ({{detail}}): 대기열에 남아 다시 시도합니다',
  },
  keycmd: {
    usage: 'key 에는 하위 명령이 필요합니다: key generate [-o FILE] [--force]',
  },
  ui: {
    share: '공유',
    share_title: '스냅숏 {{id}} 공유',
    share_needs_s3: '공유하려면 설정에서 S3 를 설정하세요',
    preview: '공유될 내용 미리 보기',
    preview_hide: '미리 보기 닫기',
    preview_title: '공유될 (민감 정보가 가려진) 보고서',
    expires: '링크 유효 기간',
    hours_1: '1시간',
    hours_24: '24시간',
    days_7: '7일',
    send: '업로드하고 링크 만들기',
    sending: '업로드 중…',
    link: '링크',
    copy: '링크 복사',
    copied: '링크를 클립보드에 복사했습니다',
    copy_failed: '복사할 수 없습니다: 링크를 선택해 복사하세요',
    valid_until: '{{until}} 까지 유효',
    sha256: '공유한 스냅숏의 SHA-256',
    close: '닫기',
    settings_title: 'S3 공유와 백업',
    bucket: '버킷',
    prefix: '키 접두사',
    region: '리전',
    endpoint: '엔드포인트 (S3 호환 저장소)',
    endpoint_hint: 'AWS 는 비워 두세요. MinIO, R2 등은 그 URL 을 넣고 보통 경로 방식을 켭니다.',
    path_style: '경로 방식 URL',
    sse: '서버 측 암호화',
    sse_none: '버킷 기본값',
    kms_key: 'KMS 키 id',
    storage_class: '스토리지 클래스',
    share_hours: '공유 링크 유효 시간 (시간, 최대 168)',
    backup_every: '백업 주기 (시간, 0 = 끔)',
    backup_on_alert: '알림이 발생하면 백업',
    backup_encrypt: '백업 암호화 (AES-256-GCM, autoinfrasnap key generate 로 만든 키)',
    save: '저장',
    invalid: '값을 확인하세요: 버킷은 3~63자, 시간은 범위 안의 숫자여야 합니다',
    test: '연결 시험',
    testing: '시험 중…',
    credentials: '자격 증명',
    source_keychain: '시스템 키체인에 저장된 키',
    source_file: '비공개 파일의 키 (s3.credentialsFile 또는 서버 데이터 폴더)',
    source_chain: 'AWS 기본 체인 (환경 변수, 프로필, SSO, 인스턴스 역할)',
    access_key: '액세스 키 ID',
    secret_key: '비밀 액세스 키',
    store_keys: '키 저장',
    forget_keys: '키 삭제',
    keys_stored: '키를 저장했습니다. 비밀 키는 다시 표시되지 않습니다',
    pending: '대기 중인 업로드',
    pending_none: '대기 중인 것이 없습니다: 모든 백업이 업로드되었습니다',
    col_id: '스냅숏',
    col_reason: '이유',
    col_attempts: '시도',
    col_next: '다음 시도',
    col_error: '마지막 오류',
    reason_backup: '백업',
    reason_schedule: '예약',
    reason_alert: '알림',
  },
  note: {
    encryption_backups:
      '암호화는 백업에만 적용되고 공유 링크에는 적용되지 않습니다: 공유한 보고서는 브라우저에서 읽을 수 있어야 합니다.',
  },
};
