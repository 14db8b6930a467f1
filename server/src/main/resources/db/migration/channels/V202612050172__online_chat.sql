-- Online chat (在线客服): a chat from the portal widget or WeChat, routed by the call center's ACD. Messages are
-- numbered per chat (seq) and stored before anyone is told of them, so a reconnecting client asks for what came
-- after the last seq it saw and loses nothing; a client's own id (client_id) makes a resent message count once.
create table ch_chat (
    id             uuid primary key,
    token_hash     text        not null,
    source         text        not null,
    wechat_openid  text,
    citizen_name   text,
    citizen_phone  text,
    group_id       bigint      not null,
    state          text        not null,
    agent_id       bigint,
    last_seq       int         not null default 0,
    queued_at      timestamptz not null,
    answered_at    timestamptz,
    ended_at       timestamptz,
    ended_by       text,
    order_id       bigint,
    rating         text,
    version        int         not null default 0
);
create index ch_chat_open on ch_chat (state, agent_id) where state in ('WAITING', 'ACTIVE');
create index ch_chat_wechat on ch_chat (wechat_openid) where wechat_openid is not null and state in ('WAITING', 'ACTIVE');
create index ch_chat_queued on ch_chat (queued_at);

create table ch_chat_message (
    chat_id   uuid        not null references ch_chat (id),
    seq       int         not null,
    sender    text        not null,
    author    text,
    body      text        not null,
    client_id text,
    at        timestamptz not null,
    primary key (chat_id, seq)
);
create unique index ch_chat_message_client on ch_chat_message (chat_id, sender, client_id) where client_id is not null;

-- a team leader who joined a chat (three-way)
create table ch_chat_participant (
    chat_id    uuid        not null references ch_chat (id),
    account_id bigint      not null,
    joined_at  timestamptz not null,
    primary key (chat_id, account_id)
);

-- canned replies (常用语) for the chat desk
create table ch_canned_reply (
    id       bigserial primary key,
    title    text not null,
    body     text not null,
    position int  not null default 0
);
insert into ch_canned_reply (title, body, position) values
    ('问候', '您好，很高兴为您服务，请问有什么可以帮您？', 1),
    ('稍等', '请稍等，正在为您查询相关信息。', 2),
    ('登记工单', '您反映的问题已为您登记工单，我们会在规定时限内转交承办单位办理，请留意短信通知。', 3),
    ('结束语', '感谢您的咨询，如还有其他问题欢迎随时联系 12345。', 4);
