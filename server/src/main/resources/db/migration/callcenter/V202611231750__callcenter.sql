-- Call center: skill groups and their routing rules, agents with skills, every agent state change (the
-- reports compute occupancy from it), routing by called/caller number, blacklist, priority callers, and the
-- call records.
create table cc_skill_group (
    id                    bigserial primary key,
    code                  varchar(30)  not null unique,
    name                  varchar(50)  not null,
    strategy              varchar(20)  not null check (strategy in ('LONGEST_IDLE','SKILL_LEVEL','ROUND_ROBIN','FEWEST_CALLS')),
    overflow_group_id     bigint references cc_skill_group (id),
    overflow_after_s      int,
    ring_timeout_s        int          not null default 15 check (ring_timeout_s between 5 and 120),
    max_wait_s            int          not null default 180 check (max_wait_s between 10 and 3600),
    after_call_work_s     int          not null default 30 check (after_call_work_s between 0 and 600),
    enabled               boolean      not null default true,
    version               int          not null default 0
);

create table cc_agent (
    account_id  bigint primary key references account (id),
    agent_no    varchar(20) not null unique,
    extension   varchar(20) unique,
    -- SIP digest needs the secret itself (or its HA1); it guards a phone extension, not a staff login.
    sip_password varchar(64),
    enabled     boolean     not null default true
);

create table cc_agent_skill (
    account_id bigint not null references cc_agent (account_id) on delete cascade,
    group_id   bigint not null references cc_skill_group (id) on delete cascade,
    level      int    not null check (level between 1 and 5),
    primary key (account_id, group_id)
);

create table cc_agent_state_log (
    id         bigserial primary key,
    account_id bigint      not null references cc_agent (account_id),
    state      varchar(20) not null,
    reason     varchar(50),
    by_actor   varchar(50) not null,
    started_at timestamptz not null,
    ended_at   timestamptz
);
create index cc_agent_state_log_agent on cc_agent_state_log (account_id, started_at desc);
create index cc_agent_state_log_open on cc_agent_state_log (account_id) where ended_at is null;

create table cc_routing_rule (
    id            bigserial primary key,
    called_number varchar(30),
    caller_prefix varchar(30),
    group_id      bigint      not null references cc_skill_group (id),
    priority      int         not null default 0,
    note          varchar(100)
);

create table cc_blacklist (
    id         bigserial primary key,
    number     varchar(30)  not null,
    reason     varchar(200) not null,
    expires_at timestamptz,
    created_by varchar(50)  not null,
    created_at timestamptz  not null
);
create index cc_blacklist_number on cc_blacklist (number);

create table cc_priority_caller (
    number varchar(30) primary key,
    kind   varchar(10) not null check (kind in ('ELDERLY','VIP')),
    note   varchar(100)
);

create table cc_call (
    id              varchar(64) primary key,
    caller          varchar(30),
    called          varchar(30),
    trunk           varchar(50),
    direction       varchar(10)  not null default 'INBOUND',
    arrived_at      timestamptz  not null,
    ivr_exit_at     timestamptz,
    ivr_result      varchar(50),
    queued_at       timestamptz,
    group_id        bigint references cc_skill_group (id),
    offered_at      timestamptz,
    answered_at     timestamptz,
    ended_at        timestamptz,
    end_cause       varchar(30),
    abandon_point   varchar(10) check (abandon_point in ('IVR','QUEUE','RINGING')),
    agent_id        bigint references cc_agent (account_id),
    transfer_chain  text,
    satisfaction    int check (satisfaction between 1 and 3),
    recording_path  varchar(300),
    recording_s     numeric(10, 2)
);
create index cc_call_arrived on cc_call (arrived_at desc);
create index cc_call_caller on cc_call (caller, arrived_at desc);
create index cc_call_agent on cc_call (agent_id, arrived_at desc);

-- IVR flows are data: JSON as the telephony engine parses it, and which called number runs which flow.
create table cc_ivr_flow (
    id         varchar(50) primary key,
    name       varchar(100) not null,
    definition text         not null,
    version    int          not null default 0,
    updated_by varchar(50),
    updated_at timestamptz  not null
);

create table cc_number_flow (
    number  varchar(30) primary key,
    flow_id varchar(50) not null references cc_ivr_flow (id)
);

-- Internal messages between agents and team leaders (内部消息).
create table cc_message (
    id         bigserial primary key,
    from_id    bigint       not null,
    to_id      bigint       not null,
    text       varchar(500) not null,
    sent_at    timestamptz  not null,
    read_at    timestamptz
);
create index cc_message_to on cc_message (to_id, sent_at desc);

-- Callers who waited too long may ask to be called back (预约回呼): an outbound task for agents.
create table cc_callback_task (
    id         bigserial primary key,
    number     varchar(30) not null,
    call_id    varchar(64),
    reason     varchar(50) not null,
    created_at timestamptz not null,
    done_by    bigint,
    done_at    timestamptz
);
create index cc_callback_task_open on cc_callback_task (created_at) where done_at is null;
