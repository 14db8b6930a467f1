-- Where a web chat's citizen is, for every node (issue 14): the citizen's socket may be on any node behind the load
-- balancer, and a reconnect may land on another one. Each node stamps the chats whose citizen has a socket on it
-- (on connect, on disconnect and every few seconds); a waiting web chat nobody has stamped for the grace is abandoned,
-- whichever node looks. Open chats start present now: their citizens reconnect after the upgrade.
alter table ch_chat add column citizen_seen_at timestamptz;
update ch_chat set citizen_seen_at = now() where state in ('WAITING', 'ACTIVE');

-- the queue of a group as the citizens are told it (place = chats of the group waiting since earlier, plus one)
create index ch_chat_waiting on ch_chat (group_id, queued_at, id) where state = 'WAITING';
