-- 漏接回拨 (国办函〔2025〕66号): every caller who hung up in the queue or while an agent's phone rang, or who left a
-- voicemail, gets one callback task per number and day. Agents claim a task, call back, record each attempt.
create table cc_missed_task (
    id              bigserial primary key,
    number          varchar(30)  not null,
    day             date         not null,
    -- OPEN 待回拨, CALLED_BACK 回拨接通, GOT_THROUGH 来电已接通, UNREACHABLE 多次未接通, WRONG_NUMBER 号码错误
    status          varchar(20)  not null default 'OPEN',
    first_missed_at timestamptz  not null,
    last_missed_at  timestamptz  not null,
    missed_count    int          not null default 1,
    claimed_by      bigint,
    claimed_at      timestamptz,
    -- unsuccessful tries since the task (re)opened; the attempts themselves are in cc_missed_attempt
    failed_tries    int          not null default 0,
    first_attempt_at timestamptz,
    closed_at       timestamptz,
    closed_by       bigint,
    closed_call_id  varchar(64),
    version         int          not null default 0,
    constraint cc_missed_task_per_day unique (number, day)
);
create index cc_missed_task_open on cc_missed_task (first_missed_at) where status = 'OPEN';
create index cc_missed_task_day on cc_missed_task (day);

-- The calls behind a task: where each was missed, and the voicemail the caller left, if any.
create table cc_missed_call (
    call_id        varchar(64)  primary key,
    task_id        bigint       not null references cc_missed_task (id),
    number         varchar(30)  not null,
    missed_at      timestamptz  not null,
    -- QUEUE, RINGING (caller hung up), MAX_WAIT (the wait ran out), IVR (left after choosing a service), VOICEMAIL
    point          varchar(20)  not null,
    voicemail_path varchar(500),
    voicemail_at   timestamptz
);
create index cc_missed_call_task on cc_missed_call (task_id);
create index cc_missed_call_at on cc_missed_call (missed_at desc);
create index cc_missed_call_voicemail on cc_missed_call (missed_at desc) where voicemail_path is not null;

-- Each callback try: who, when, the outbound call, and what came of it.
create table cc_missed_attempt (
    id          bigserial primary key,
    task_id     bigint       not null references cc_missed_task (id),
    agent_id    bigint       not null,
    call_id     varchar(64),
    started_at  timestamptz  not null,
    -- REACHED 已接通, NO_ANSWER 无人接听, BUSY 占线, WRONG_NUMBER 号码错误; null while the agent has not said
    outcome     varchar(20),
    note        varchar(200),
    recorded_at timestamptz
);
create index cc_missed_attempt_task on cc_missed_attempt (task_id, started_at);
