-- Workforce management: forecast adjustments, shift templates, agents' rostering profiles, monthly rosters with the
-- half-hour needs they were solved against, requests (leave, wished days off, swaps), and a copy of agent state
-- intervals for adherence (from callcenter.AgentStateRecorded, ADR 004).
create table wf_forecast_event (
    id          bigserial primary key,
    name        varchar(60)  not null,
    first_day   date         not null,
    last_day    date         not null,
    from_slot   int          not null default 0 check (from_slot between 0 and 47),
    to_slot     int          not null default 47 check (to_slot between from_slot and 47),
    factor      numeric(5,2) not null check (factor > 0 and factor <= 10),
    created_by  bigint       not null,
    created_at  timestamptz  not null,
    check (last_day >= first_day)
);
create index wf_forecast_event_days on wf_forecast_event (last_day, first_day);

create table wf_shift_template (
    code          varchar(10) primary key,
    name          varchar(20) not null,
    start_minute  int         not null check (start_minute between 0 and 1439),
    minutes       int         not null check (minutes between 60 and 720),
    night         boolean     not null default false,
    sort          int         not null default 0
);
insert into wf_shift_template (code, name, start_minute, minutes, night, sort) values
    ('A', '早班', 480, 480, false, 1),
    ('M', '中班', 600, 480, false, 2),
    ('E', '晚班', 960, 480, false, 3),
    ('N', '夜班', 0, 480, true, 4);

-- Rostering profile of an agent; agents without a row get the defaults (Mandarin, 40 h a week, 176 h a month).
create table wf_agent_profile (
    account_id         bigint primary key,
    skills             varchar(100) not null default 'MANDARIN',
    max_week_minutes   int          not null default 2400,
    max_month_minutes  int          not null default 10560,
    night_allowed      boolean      not null default true
);

create table wf_roster (
    id            bigserial primary key,
    month         date        not null,
    status        varchar(12) not null default 'DRAFT',
    score         varchar(80),
    solve_millis  bigint,
    version       int         not null default 0,
    created_by    bigint      not null,
    created_at    timestamptz not null,
    published_by  bigint,
    published_at  timestamptz
);
create index wf_roster_month on wf_roster (month, status);

create table wf_roster_need (
    roster_id  bigint not null references wf_roster (id) on delete cascade,
    day        date   not null,
    needs      int[]  not null,
    dialect    int[]  not null,
    primary key (roster_id, day)
);

create table wf_roster_shift (
    roster_id   bigint      not null references wf_roster (id) on delete cascade,
    account_id  bigint      not null,
    day         date        not null,
    shift_code  varchar(10) references wf_shift_template (code),
    primary key (roster_id, account_id, day)
);
create index wf_roster_shift_agent on wf_roster_shift (account_id, day);

-- LEAVE (请假) and WISH_OFF (期望休息) cover days of the requester; SWAP (换班) exchanges the requester's and the
-- partner's shifts of one day in one roster.
create table wf_request (
    id          bigserial primary key,
    kind        varchar(10)  not null,
    account_id  bigint       not null,
    partner_id  bigint,
    roster_id   bigint references wf_roster (id) on delete cascade,
    first_day   date         not null,
    last_day    date         not null,
    reason      varchar(200),
    status      varchar(10)  not null default 'PENDING',
    decided_by  bigint,
    decided_at  timestamptz,
    note        varchar(200),
    created_at  timestamptz  not null
);
create index wf_request_open on wf_request (status, created_at);
create index wf_request_agent on wf_request (account_id, first_day);

create table wf_state_interval (
    account_id  bigint      not null,
    started_at  timestamptz not null,
    state       varchar(20) not null,
    reason      varchar(100),
    primary key (account_id, started_at)
);
create index wf_state_interval_time on wf_state_interval (started_at);
