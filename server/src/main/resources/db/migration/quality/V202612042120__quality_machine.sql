-- Machine inspection (智能质检): editable rules, the analysis of each recorded call, the flags the rules raise and
-- the inspectors' decisions on them, and the transcripts an ASR engine delivered.

create table qc_machine_rule (
    code        varchar(40)   primary key,
    kind        varchar(10)   not null check (kind in ('ACOUSTIC', 'CALL', 'TEXT')),
    name        varchar(50)   not null,
    description varchar(300)  not null,
    enabled     boolean       not null default true,
    severity    varchar(10)   not null check (severity in ('LOW', 'MEDIUM', 'HIGH')),
    threshold   numeric(10, 2) not null,
    unit        varchar(20)   not null,
    words       text          not null default '',
    version     int           not null default 0,
    updated_by  varchar(50),
    updated_at  timestamptz
);

insert into qc_machine_rule (code, kind, name, description, severity, threshold, unit, words) values
 ('DEAD_AIR', 'ACOUSTIC', '冷场', '双方都不说话超过阈值（短于长时间保持阈值的静默）', 'MEDIUM', 8, '秒', ''),
 ('TALK_OVER', 'ACOUSTIC', '抢话', '双方同时说话超过阈值，并指出谁打断了谁', 'MEDIUM', 1.5, '秒', ''),
 ('AGENT_SHARE', 'ACOUSTIC', '坐席话多', '坐席说话时长占双方说话总时长的比例超过阈值', 'LOW', 75, '%', ''),
 ('SPEECH_RATE', 'ACOUSTIC', '语速过快', '坐席语速（每秒音节数，由能量包络估计）超过阈值', 'LOW', 6, '音节/秒', ''),
 ('SHOUTING', 'ACOUSTIC', '音量突增（喊叫）', '一段说话比本声道的平常说话响度高出阈值', 'HIGH', 9, 'dB', ''),
 ('LONG_SILENCE_HOLD', 'ACOUSTIC', '长时间无应答（保持）', '坐席声道连续静默超过阈值（保持或离开）', 'MEDIUM', 45, '秒', ''),
 ('CALL_HOLD', 'CALL', '保持过长', '话单中一次保持超过阈值', 'MEDIUM', 60, '秒', ''),
 ('CALL_TRANSFERS', 'CALL', '多次转接', '话单中的转接次数达到阈值', 'LOW', 2, '次', ''),
 ('CALL_RING', 'CALL', '振铃过久', '坐席振铃到接听超过阈值', 'LOW', 15, '秒', ''),
 ('CALL_ACW', 'CALL', '话后整理过长', '挂机后的整理时长超过阈值', 'LOW', 120, '秒', ''),
 ('GREETING', 'TEXT', '缺少开场白', '坐席在开头阈值秒内未说出规范开场白（每行一组，组内词语须全部出现，任一组满足即可）', 'MEDIUM', 15, '秒',
  E'您好 12345\n您好 一二三四五'),
 ('CLOSING', 'TEXT', '缺少结束语', '坐席在最后阈值秒内未说结束语（每行一个，任一出现即可）', 'LOW', 30, '秒',
  E'再见\n感谢您的来电\n谢谢您的来电\n祝您生活愉快'),
 ('FORBIDDEN_WORDS', 'TEXT', '服务禁语', '坐席说出禁语（每行一个）', 'HIGH', 0, '',
  E'不知道\n不归我们管\n你自己去\n没办法\n烦不烦\n听不懂吗\n跟我说没用'),
 ('SENSITIVE_WORDS', 'TEXT', '敏感词', '任一方说出敏感词（每行一个）', 'HIGH', 0, '',
  E'记者\n媒体曝光\n上访\n自杀\n跳楼\n群体'),
 ('COMPLAINT_WORDS', 'TEXT', '市民投诉倾向', '市民说出投诉或不满的词（每行一个）', 'MEDIUM', 0, '',
  E'投诉你\n不满意\n态度差\n态度太差\n什么态度\n工号多少\n找你们领导'),
 ('ORDER_MISMATCH', 'TEXT', '工单与通话不符', '工单文字与市民所说内容的相似度低于阈值（字二元组覆盖率）', 'MEDIUM', 30, '%', '');

-- One row per analysed call: what the acoustic pass measured, kept for the workbench and for re-runs.
create table qc_machine_analysis (
    call_id          varchar(64)   primary key,
    analysed_at      timestamptz   not null,
    length_ms        bigint        not null,
    citizen_speech_ms bigint       not null,
    agent_speech_ms  bigint        not null,
    agent_share      numeric(5, 2),
    agent_rate       numeric(5, 2),
    outcome          varchar(20)   not null check (outcome in ('ANALYSED', 'NO_RECORDING', 'UNREADABLE', 'NOT_ANSWERED')),
    note             varchar(300)
);
create index qc_machine_analysis_at on qc_machine_analysis (analysed_at desc);

create table qc_machine_flag (
    id          bigserial     primary key,
    call_id     varchar(64)   not null,
    rule_code   varchar(40)   not null references qc_machine_rule (code),
    severity    varchar(10)   not null,
    start_ms    bigint        not null,
    end_ms      bigint        not null,
    detail      varchar(300)  not null,
    created_at  timestamptz   not null,
    decision    varchar(10)   check (decision in ('CONFIRMED', 'DISMISSED')),
    decided_by  varchar(50),
    decided_at  timestamptz,
    note        varchar(200),
    version     int           not null default 0
);
create index qc_machine_flag_call on qc_machine_flag (call_id, start_ms);
create index qc_machine_flag_rule on qc_machine_flag (rule_code, decision);
create index qc_machine_flag_open on qc_machine_flag (created_at desc) where decision is null;

-- A transcript per call from an ASR engine: utterances with speaker, times and words (JSON as posted).
create table qc_transcript (
    call_id     varchar(64)   primary key,
    engine      varchar(50)   not null,
    utterances  jsonb         not null,
    received_at timestamptz   not null,
    received_by varchar(50)   not null
);
