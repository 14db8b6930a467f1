-- Channels (多渠道受理): the citizen portal's captchas, rate-limit windows, SMS confirmation codes, receipts (query
-- codes), 好差评 ratings and reopen requests, typical cases; e-mail appeals and replies; Open311 API keys and
-- requests. The orders themselves live in the work-order module's tables; these keep what only a channel knows.

-- Arithmetic captchas: single use, short-lived. The answer is a small number (hashing it would hide nothing).
create table ch_captcha (
    id         uuid         primary key,
    answer     int          not null,
    expires_at timestamptz  not null,
    used       boolean      not null default false
);
create index ch_captcha_expires on ch_captcha (expires_at);

-- Fixed-window counters: bucket = 'submit-ip:1.2.3.4', 'sms-phone:138…', one row per window.
create table ch_rate_hit (
    bucket       varchar(120) not null,
    window_start timestamptz  not null,
    hits         int          not null,
    primary key (bucket, window_start)
);

-- SMS confirmation codes (hash only); a confirmed code yields a short-lived phone token (hash only).
create table ch_phone_code (
    request_id   uuid         primary key,
    phone        varchar(20)  not null,
    purpose      varchar(20)  not null check (purpose in ('FOLLOW_ORDER', 'QUERY')),
    code_hash    varchar(64)  not null,
    attempts     int          not null default 0,
    created_at   timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    token_hash   varchar(64),
    token_expires_at timestamptz
);
create index ch_phone_code_phone on ch_phone_code (phone, created_at desc);
create unique index ch_phone_code_token on ch_phone_code (token_hash) where token_hash is not null;

-- A receipt given by a channel: the query code (hash only) and whether the phone was confirmed.
create table ch_receipt (
    work_order_id    bigint       primary key,
    channel          varchar(16)  not null,
    query_code_hash  varchar(64)  not null,
    phone_confirmed  boolean      not null default false,
    client_address   varchar(64),
    created_at       timestamptz  not null
);

-- The citizen's 好差评 grade (five grades); the order's callback holds the three-grade satisfaction it maps to.
create table ch_rating (
    id            bigserial    primary key,
    work_order_id bigint       not null,
    grade         varchar(24)  not null,
    resolved      boolean      not null,
    note          varchar(500),
    channel       varchar(16)  not null,
    at            timestamptz  not null
);
create index ch_rating_order on ch_rating (work_order_id);

create table ch_reopen_request (
    id            bigserial    primary key,
    work_order_id bigint       not null,
    reason        varchar(500) not null,
    channel       varchar(16)  not null,
    at            timestamptz  not null
);
create index ch_reopen_request_order on ch_reopen_request (work_order_id);

-- 典型案例: a closed order an editor publishes, with the texts the editor checked (personal data removed).
create table ch_typical_case (
    id            bigserial    primary key,
    work_order_id bigint       not null unique,
    title         varchar(200) not null,
    appeal        varchar(5000) not null,
    reply         varchar(5000) not null,
    category_name varchar(100),
    published     boolean      not null default true,
    published_by  varchar(50)  not null,
    published_at  timestamptz  not null,
    version       int          not null default 0
);
create index ch_typical_case_published on ch_typical_case (published_at desc) where published;

-- E-mail appeals: one row per message taken in (the Message-ID makes a re-polled message a no-op).
create table ch_mail_message (
    message_id    varchar(300) primary key,
    work_order_id bigint,
    from_address  varchar(200) not null,
    subject       varchar(300),
    received_at   timestamptz  not null,
    reply_sent_at timestamptz
);
create index ch_mail_message_order on ch_mail_message (work_order_id);

-- Open311 API keys (hash only; the prefix identifies a key in lists) and the requests made with them.
create table ch_open311_key (
    id          bigserial    primary key,
    name        varchar(100) not null,
    key_prefix  varchar(12)  not null,
    key_hash    varchar(64)  not null unique,
    enabled     boolean      not null default true,
    created_by  varchar(50)  not null,
    created_at  timestamptz  not null,
    version     int          not null default 0
);

create table ch_open311_request (
    work_order_id bigint       primary key,
    token         uuid         not null unique,
    api_key_id    bigint       not null references ch_open311_key (id),
    lat           double precision,
    lon           double precision,
    email         varchar(200),
    device_id     varchar(100),
    media_url     varchar(500),
    created_at    timestamptz  not null
);
