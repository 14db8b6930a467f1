-- Notification: the SMS outbox (written in the transaction of the step that causes a message, drained by the
-- sender with retries), its parts' delivery reports, templates, the opt-out list, incoming messages and SMS surveys.
create table ntf_template (
    code       varchar(40)  primary key,
    name       varchar(50)  not null,
    body       varchar(500) not null,
    enabled    boolean      not null default true,
    version    int          not null default 0,
    updated_at timestamptz  not null,
    updated_by varchar(50)  not null
);

create table ntf_outbox (
    id              bigserial primary key,
    -- what caused the message, e.g. receipt:42; a redelivered event finds its row and adds none
    dedup_key       varchar(200) not null unique,
    purpose         varchar(20)  not null,
    phone           varchar(30)  not null,
    template_code   varchar(40),
    content         varchar(1000) not null,
    work_order_id   bigint,
    -- PENDING → SENT → DELIVERED | UNDELIVERED; FAILED after the last attempt; OPTED_OUT, RATE_LIMITED never sent
    state           varchar(20)  not null,
    attempts        int          not null default 0,
    next_attempt_at timestamptz  not null,
    last_error      varchar(500),
    gateway         varchar(20),
    created_at      timestamptz  not null,
    sent_at         timestamptz,
    reported_at     timestamptz
);
-- the sender's claim: due pending rows, oldest first
create index ntf_outbox_due on ntf_outbox (next_attempt_at, id) where state = 'PENDING';
create index ntf_outbox_phone on ntf_outbox (phone, created_at desc);
create index ntf_outbox_created on ntf_outbox (created_at desc, id desc);

-- one row per submitted part; a long message is DELIVERED when every part is
create table ntf_outbox_part (
    msg_id      varchar(40) primary key,
    -- null for a moment when the report overtakes the sender's own record of the SUBMIT answer
    outbox_id   bigint      references ntf_outbox (id),
    stat        varchar(10),
    reported_at timestamptz
);
create index ntf_outbox_part_outbox on ntf_outbox_part (outbox_id);

create table ntf_opt_out (
    phone  varchar(30) primary key,
    at     timestamptz not null,
    source varchar(20) not null
);

create table ntf_inbox (
    id            bigserial primary key,
    gateway_key   varchar(100) not null unique,
    sender        varchar(30)  not null,
    receiver      varchar(30)  not null,
    text          varchar(2000) not null,
    received_at   timestamptz  not null,
    -- SURVEY_ANSWER, OPT_OUT, APPEAL, SUPPLEMENT, IGNORED
    outcome       varchar(20)  not null,
    work_order_id bigint
);
create index ntf_inbox_received on ntf_inbox (received_at desc);

-- an SMS callback survey waiting for the citizen's 1/2/3
create table ntf_survey (
    work_order_id bigint      primary key,
    phone         varchar(30) not null,
    sent_at       timestamptz not null,
    answered_at   timestamptz,
    answer        varchar(30)
);
create index ntf_survey_open on ntf_survey (phone, sent_at desc) where answered_at is null;
-- the templates' default texts are inserted by the application (Templates): Flyway would take their variables for its own
-- placeholders.
