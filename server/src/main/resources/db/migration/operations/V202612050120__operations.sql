-- Operations console (运维): health samples for the trend charts, alarm rules, alarms and where they are sent,
-- base backups and inspection reports. ops:view / ops:manage belong to the system admin (三权分立: operating the
-- platform is the system admin's duty, not the security or audit admin's).

insert into role_permission (role, permission)
select r.role, p.permission from (values ('SYS_ADMIN')) r(role), (values ('ops:view'), ('ops:manage')) p(permission)
 where exists (select 1 from role_permission)
on conflict do nothing;

-- One row per measure per sampling round (every minute); kept 35 days for the trend charts and the weekly report.
create table ops_sample (
    metric   varchar(60)      not null,
    subject  varchar(120)     not null default '',
    value    double precision not null,
    at       timestamptz      not null
);
create index ops_sample_metric_at on ops_sample (metric, subject, at);
create index ops_sample_at on ops_sample (at);

-- A rule: the measure, the comparison, how long it must hold before an alarm is raised, and how bad that is.
create table ops_alarm_rule (
    id               bigserial primary key,
    metric           varchar(60)      not null,
    name             varchar(100)     not null,
    comparison       varchar(2)       not null,          -- GT (alarm above) or LT (alarm below)
    threshold        double precision not null,
    duration_seconds int              not null,
    severity         varchar(10)      not null,          -- CRITICAL, MAJOR, MINOR
    enabled          boolean          not null default true,
    version          int              not null default 0,
    updated_at       timestamptz      not null default now(),
    updated_by       varchar(64)      not null default 'system'
);

insert into ops_alarm_rule (metric, name, comparison, threshold, duration_seconds, severity) values
    ('db.up',                 '数据库不可用',                 'LT', 1,     30,   'CRITICAL'),
    ('db.connections.pct',    '数据库连接数占用过高',         'GT', 85,    300,  'MAJOR'),
    ('db.replication.lag',    '备库复制延迟过大（秒）',       'GT', 60,    300,  'MAJOR'),
    ('disk.free.pct',         '磁盘剩余空间不足',             'LT', 15,    300,  'MAJOR'),
    ('disk.free.pct',         '磁盘剩余空间严重不足',         'LT', 5,     60,   'CRITICAL'),
    ('trunk.up',              '中继线路不通（OPTIONS 无应答）', 'LT', 1,     30,   'CRITICAL'),
    ('trunk.registered',      '中继注册失败',                 'LT', 1,     120,  'MAJOR'),
    ('rtp.ports.pct',         '媒体端口占用过高',             'GT', 80,    120,  'MAJOR'),
    ('events.backlog.age',    '事件投递积压（最早未完成，秒）', 'GT', 600,   60,   'MAJOR'),
    ('exchange.dead',         '对外交换死信',                 'GT', 0,     0,    'MINOR'),
    ('exchange.pending.age',  '对外交换积压（最早待发，秒）', 'GT', 1800,  60,   'MAJOR'),
    ('sms.failed',            '短信发送失败（近24小时）',     'GT', 20,    0,    'MINOR'),
    ('sms.pending.age',       '短信积压（最早待发，秒）',     'GT', 1800,  60,   'MAJOR'),
    ('cert.days',             '证书即将到期（天）',           'LT', 30,    0,    'MAJOR'),
    ('backup.age.hours',      '超过一天没有成功的基础备份（小时）', 'GT', 26, 0,  'MAJOR');

-- An alarm of a rule on one subject (a trunk, a disk). Open while cleared_at is null; closed by a person.
create table ops_alarm (
    id           bigserial primary key,
    rule_id      bigint           not null references ops_alarm_rule (id),
    metric       varchar(60)      not null,
    subject      varchar(120)     not null default '',
    name         varchar(100)     not null,
    severity     varchar(10)      not null,
    value        double precision not null,
    threshold    double precision not null,
    raised_at    timestamptz      not null,
    cleared_at   timestamptz,
    acked_at     timestamptz,
    acked_by     varchar(64),
    ack_note     varchar(500),
    closed_at    timestamptz,
    closed_by    varchar(64),
    close_note   varchar(500),
    version      int              not null default 0
);
-- at most one open alarm per rule and subject, whoever evaluates (scheduler or a test) and however often
create unique index ops_alarm_open on ops_alarm (rule_id, subject) where cleared_at is null;
create index ops_alarm_raised on ops_alarm (raised_at desc);

-- Since when a rule's condition holds on a subject without an alarm yet (the rule's duration has not passed).
create table ops_breach (
    rule_id  bigint       not null references ops_alarm_rule (id) on delete cascade,
    subject  varchar(120) not null,
    since    timestamptz  not null,
    primary key (rule_id, subject)
);

-- Where alarms go besides the console: e-mail addresses, webhooks, mobile numbers (SMS).
create table ops_alarm_channel (
    id           bigserial primary key,
    kind         varchar(10)  not null,                  -- EMAIL, WEBHOOK, SMS
    target       varchar(300) not null,
    min_severity varchar(10)  not null default 'MAJOR',
    enabled      boolean      not null default true,
    version      int          not null default 0
);

create table ops_alarm_delivery (
    id         bigserial primary key,
    alarm_id   bigint       not null references ops_alarm (id),
    channel_id bigint       not null,
    event      varchar(10)  not null,                    -- RAISED, CLEARED
    ok         boolean      not null,
    error      varchar(500),
    at         timestamptz  not null
);
create index ops_alarm_delivery_alarm on ops_alarm_delivery (alarm_id);

-- The SMTP server alarm mails go through (one row; empty host: no e-mail).
create table ops_mail_server (
    id        int primary key default 1 check (id = 1),
    host      varchar(200) not null default '',
    port      int          not null default 25,
    ssl       boolean      not null default false,
    username  varchar(200) not null default '',
    password  varchar(200) not null default '',
    sender    varchar(200) not null default '',
    version   int          not null default 0
);
insert into ops_mail_server (id) values (1);

create table ops_backup (
    id          bigserial primary key,
    kind        varchar(20)  not null,                   -- BASE (database), RECORDINGS
    file        varchar(500) not null,
    size_bytes  bigint       not null,
    started_at  timestamptz  not null,
    finished_at timestamptz  not null,
    wal_start   varchar(40),
    checksum    varchar(80),
    removed_at  timestamptz
);
create index ops_backup_started on ops_backup (started_at desc);

create table ops_report (
    id           bigserial primary key,
    kind         varchar(10)  not null,                  -- DAILY, WEEKLY
    period_start date         not null,
    period_end   date         not null,
    generated_at timestamptz  not null,
    file_name    varchar(200) not null,
    content      bytea        not null,
    passed       int          not null,
    failed       int          not null,
    unique (kind, period_start)
);
