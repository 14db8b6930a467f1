-- The last citizens' identifiers the channels kept in plain text, sealed at rest (issue 19, ADR 041): WeChat
-- followers' openids (the chat, the guided conversation's session, each pushed message, the orders a follower
-- made), the e-mail channel's sender addresses and the Open311 requester's e-mail and device id. The columns
-- widen to text for the ciphertext. Look-ups by openid (the follower's open chat, the follower's session) go
-- through a keyed SM3 index of the exact openid; nothing looks the others up. Rows written before this version
-- are sealed, and get their index, by Resealing in batches after start-up.
alter table ch_chat add column wechat_openid_index bytea;
drop index ch_chat_wechat;
create index ch_chat_wechat_index on ch_chat (wechat_openid_index)
    where wechat_openid_index is not null and state in ('WAITING', 'ACTIVE');

-- The session was keyed by the openid itself. Resealing walks it by the (unique) stored value; the index is unique
-- once filled. A session row from before is replaced, not updated, when its follower writes again before
-- Resealing reached it (WeChatConversation), so the two never collide on the index.
alter table ch_wechat_session drop constraint ch_wechat_session_pkey;
alter table ch_wechat_session alter column open_id type text;
alter table ch_wechat_session add column open_id_index bytea;
create unique index ch_wechat_session_open_id on ch_wechat_session (open_id);
create unique index ch_wechat_session_open_id_index on ch_wechat_session (open_id_index);

alter table ch_wechat_message alter column open_id type text;
-- An event's de-duplication key named its sender; it names the sender's index now. The old keys only guarded
-- against WeChat's retries of the seconds before the upgrade, so they go.
delete from ch_wechat_message where msg_key like 'event:%';

alter table ch_wechat_order alter column open_id type text;
drop index ch_wechat_order_user;

alter table ch_mail_message alter column from_address type text;

alter table ch_open311_request alter column email type text, alter column device_id type text;
