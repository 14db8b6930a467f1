-- The exchange pipe (ADR 015): counterparts and their keys, the outbox written in the step's transaction, the inbox
-- written before the acknowledgement, per-order sequences, rejected requests, links between our orders and theirs,
-- and the daily reconciliation.

create table ex_counterpart (
    code          varchar(40) primary key,
    name          varchar(100) not null,
    kind          varchar(20)  not null,           -- PROVINCE, CITY, POLICE_110, EVALUATION
    base_url      varchar(300),
    secret        varchar(200) not null,
    algorithm     varchar(20)  not null default 'HMAC-SHA256',
    enabled       boolean      not null default true,
    updated_at    timestamptz  not null default now()
);

-- The next sequence number of each order towards each counterpart; its row lock orders concurrent steps of one order.
create table ex_sequence (
    counterpart   varchar(40)  not null references ex_counterpart (code),
    order_key     varchar(120) not null,
    last_seq      bigint       not null,
    primary key (counterpart, order_key)
);

create table ex_outbox (
    id             bigserial primary key,
    counterpart    varchar(40)  not null references ex_counterpart (code),
    message_id     varchar(120) not null,
    order_key      varchar(120) not null,
    seq            bigint       not null,
    type           varchar(60)  not null,
    schema_version int          not null,
    payload        jsonb        not null,
    state          varchar(20)  not null default 'PENDING',   -- PENDING, SENT, DEAD, DISCARDED
    attempts       int          not null default 0,
    last_error     varchar(1000),
    created_at     timestamptz  not null,
    sent_at        timestamptz,
    unique (counterpart, message_id),
    unique (counterpart, order_key, seq)
);
create index ex_outbox_pending on ex_outbox (counterpart, id) where state = 'PENDING';
create index ex_outbox_dead on ex_outbox (counterpart, order_key) where state = 'DEAD';
create index ex_outbox_day on ex_outbox (counterpart, created_at);

create table ex_inbox (
    id             bigserial primary key,
    counterpart    varchar(40)  not null references ex_counterpart (code),
    message_id     varchar(120) not null,
    order_key      varchar(120) not null,
    seq            bigint       not null,
    type           varchar(60)  not null,
    schema_version int          not null,
    payload        jsonb        not null,
    occurred_at    timestamptz  not null,
    received_at    timestamptz  not null,
    state          varchar(20)  not null default 'RECEIVED',  -- RECEIVED, APPLIED, DEAD, DISCARDED
    attempts       int          not null default 0,
    next_attempt_at timestamptz,
    last_error     varchar(1000),
    applied_at     timestamptz,
    unique (counterpart, message_id)
);
create index ex_inbox_todo on ex_inbox (id) where state = 'RECEIVED';
create index ex_inbox_day on ex_inbox (counterpart, received_at);

-- Requests refused before anything was stored: bad signature (401) or a message against the schema (422).
create table ex_rejection (
    id            bigserial primary key,
    counterpart   varchar(40),
    status        int          not null,
    reason        varchar(1000) not null,
    remote_address varchar(60),
    at            timestamptz  not null
);
create index ex_rejection_at on ex_rejection (at desc);

-- Our order and the counterpart's order key: ORIGIN when we sent it there, HANDLER when it came from there.
create table ex_link (
    work_order_id bigint       not null,
    counterpart   varchar(40)  not null references ex_counterpart (code),
    order_key     varchar(120) not null,
    role          varchar(10)  not null,
    remote_ref    varchar(120),
    created_at    timestamptz  not null,
    primary key (counterpart, order_key)
);
create index ex_link_order on ex_link (work_order_id);

-- Orders a city reported (上报) to this province: the province's copy of their state.
create table ex_reported_order (
    counterpart   varchar(40)  not null references ex_counterpart (code),
    order_key     varchar(120) not null,
    number        varchar(40),
    title         varchar(300),
    state         varchar(40),
    last_step     varchar(300),
    last_seq      bigint       not null,
    updated_at    timestamptz  not null,
    primary key (counterpart, order_key)
);

create table ex_reconciliation (
    id            bigserial primary key,
    counterpart   varchar(40)  not null references ex_counterpart (code),
    day           date         not null,
    run_at        timestamptz  not null,
    ours          jsonb        not null,
    theirs        jsonb,
    differences   jsonb        not null,
    difference_count int       not null,
    error         varchar(1000)
);
create index ex_reconciliation_day on ex_reconciliation (counterpart, day desc, run_at desc);
