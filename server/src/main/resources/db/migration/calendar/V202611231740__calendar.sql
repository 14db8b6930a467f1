-- Business calendar: which days are working days (Mon–Fri unless an exception row says otherwise), the working
-- hours of each configured year, the time-limit policies and the durable timers behind the yellow/red lights.

create table calendar_year (
    year        int primary key,
    work_start  time         not null default '09:00',
    work_end    time         not null default '18:00',
    source      varchar(300),
    updated_at  timestamptz  not null default now()
);

-- Exceptions to the Mon–Fri week only: public holidays (HOLIDAY) and make-up working days 调休 (WORKDAY).
create table calendar_day (
    day   date primary key,
    kind  varchar(10) not null check (kind in ('HOLIDAY', 'WORKDAY')),
    name  varchar(50) not null
);

create table time_limit_policy (
    id             bigserial primary key,
    stage          varchar(12) not null check (stage in ('DISPATCH', 'SIGN', 'HANDLE', 'CALLBACK')),
    appeal_type    varchar(20),
    urgency        varchar(12),
    category_id    bigint,
    amount         int         not null check (amount > 0),
    unit           varchar(15) not null check (unit in ('MINUTES', 'HOURS', 'NATURAL_DAYS', 'WORKING_DAYS')),
    yellow_percent int         not null default 80 check (yellow_percent between 1 and 99),
    note           varchar(200),
    version        int         not null default 0
);
create unique index time_limit_policy_key
    on time_limit_policy (stage, coalesce(appeal_type, ''), coalesce(urgency, ''), coalesce(category_id, 0));

-- One row per light moment of a deadline: YELLOW at the warning share of the time, RED at the deadline itself.
-- The sweep picks due rows by the partial index, FOR UPDATE SKIP LOCKED, so several instances never fire twice.
create table calendar_timer (
    id           bigserial primary key,
    subject_type varchar(40) not null,
    subject_id   bigint      not null,
    light        varchar(10) not null check (light in ('YELLOW', 'RED')),
    due_at       timestamptz not null,
    deadline_at  timestamptz not null,
    fired_at     timestamptz
);
create index calendar_timer_pending on calendar_timer (due_at) where fired_at is null;
create index calendar_timer_subject on calendar_timer (subject_type, subject_id);

-- DOMAIN.md defaults (004, 000). More specific rows (category, urgency, type) win over general ones.
insert into time_limit_policy (stage, appeal_type, urgency, amount, unit, note) values
    ('DISPATCH', null, null, 24, 'HOURS', '受理后24小时内派单（004）'),
    ('SIGN', null, null, 24, 'HOURS', '一般件24小时内签收（004）'),
    ('SIGN', null, 'EMERGENCY', 30, 'MINUTES', '突发件30分钟内签收（004）'),
    ('HANDLE', null, 'EMERGENCY', 2, 'HOURS', '突发件2小时内办结'),
    ('HANDLE', null, 'URGENT', 24, 'HOURS', '紧急件24小时内办结'),
    ('HANDLE', 'CONSULTATION', null, 2, 'WORKING_DAYS', '咨询类2个工作日'),
    ('HANDLE', 'HELP', null, 5, 'WORKING_DAYS', '求助类5个工作日'),
    ('HANDLE', 'COMPLAINT', null, 15, 'WORKING_DAYS', '投诉类15个工作日'),
    ('HANDLE', 'REPORT', null, 15, 'WORKING_DAYS', '举报类15个工作日'),
    ('HANDLE', 'SUGGESTION', null, 15, 'WORKING_DAYS', '建议类15个工作日'),
    ('HANDLE', null, null, 5, 'WORKING_DAYS', '其他诉求5个工作日'),
    ('CALLBACK', null, null, 24, 'HOURS', '答复后24小时内回访（000）');

-- Years whose official arrangement was verified: the State Council General Office notices
-- 国办发明电〔2024〕12号 (2025, published 2024-11-12) and the notice of 2025-11-04 (2026), as published by Xinhua.
insert into calendar_year (year, source) values
    (2025, '国务院办公厅关于2025年部分节假日安排的通知（国办发明电〔2024〕12号，2024年11月12日）'),
    (2026, '国务院办公厅关于2026年部分节假日安排的通知（2025年11月4日）');

insert into calendar_day (day, kind, name)
select d::date, 'HOLIDAY', h.name
  from (values ('2025-01-01', '2025-01-01', '元旦'),
               ('2025-01-28', '2025-02-04', '春节'),
               ('2025-04-04', '2025-04-06', '清明节'),
               ('2025-05-01', '2025-05-05', '劳动节'),
               ('2025-05-31', '2025-06-02', '端午节'),
               ('2025-10-01', '2025-10-08', '国庆节、中秋节'),
               ('2026-01-01', '2026-01-03', '元旦'),
               ('2026-02-15', '2026-02-23', '春节'),
               ('2026-04-04', '2026-04-06', '清明节'),
               ('2026-05-01', '2026-05-05', '劳动节'),
               ('2026-06-19', '2026-06-21', '端午节'),
               ('2026-09-25', '2026-09-27', '中秋节'),
               ('2026-10-01', '2026-10-07', '国庆节')) as h(first_day, last_day, name),
       generate_series(h.first_day::date, h.last_day::date, interval '1 day') as d;

insert into calendar_day (day, kind, name) values
    ('2025-01-26', 'WORKDAY', '春节调休上班'),
    ('2025-02-08', 'WORKDAY', '春节调休上班'),
    ('2025-04-27', 'WORKDAY', '劳动节调休上班'),
    ('2025-09-28', 'WORKDAY', '国庆节调休上班'),
    ('2025-10-11', 'WORKDAY', '国庆节调休上班'),
    ('2026-01-04', 'WORKDAY', '元旦调休上班'),
    ('2026-02-14', 'WORKDAY', '春节调休上班'),
    ('2026-02-28', 'WORKDAY', '春节调休上班'),
    ('2026-05-09', 'WORKDAY', '劳动节调休上班'),
    ('2026-09-20', 'WORKDAY', '国庆节调休上班'),
    ('2026-10-10', 'WORKDAY', '国庆节调休上班');
