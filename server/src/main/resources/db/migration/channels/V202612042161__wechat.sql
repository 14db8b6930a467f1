-- WeChat official account: every pushed message once (WeChat retries unanswered ones), each follower's step in
-- the guided conversation, and which orders came from which follower (for later customer-service messages).
create table ch_wechat_message (
    msg_key     varchar(150) primary key,
    open_id     varchar(64)  not null,
    msg_type    varchar(20)  not null,
    received_at timestamptz  not null,
    reply       varchar(2000)
);
create index ch_wechat_message_received on ch_wechat_message (received_at);

create table ch_wechat_session (
    open_id    varchar(64)   primary key,
    step       varchar(20)   not null,
    draft      varchar(2100) not null,
    updated_at timestamptz   not null
);

create table ch_wechat_order (
    work_order_id bigint      primary key,
    open_id       varchar(64) not null,
    created_at    timestamptz not null
);
create index ch_wechat_order_user on ch_wechat_order (open_id);
