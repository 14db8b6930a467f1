-- Online chat facts (在线客服): one row per chat from the channels' events — offered, answered, abandoned, ended,
-- rated — for the chat figures beside the call figures (offered, answered, abandoned, average wait, satisfaction).
create table rpt_chat_fact (
    chat_id      uuid primary key,
    source       text,
    group_id     bigint,
    agent_id     bigint,
    offered_at   timestamptz,
    answered_at  timestamptz,
    abandoned_at timestamptz,
    ended_at     timestamptz,
    ended_by     text,
    messages     int,
    order_id     bigint,
    rating       text
);
create index rpt_chat_fact_offered on rpt_chat_fact (offered_at);
