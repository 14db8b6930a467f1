-- Online chats for reporting's rebuild command (ADR 004 §7): what the ChatEvents say, read from the chats themselves.
-- A chat left while waiting is abandoned (ChatAbandoned: no end, no agent); the others' end, its author and the lines
-- written by citizen, agent and joined leaders are ChatEnded's. The agent is the one holding the chat (the last one
-- after a transfer; an open chat's events name the first one until it ends).
create view rpt_source_chat as
select c.id as chat_id, c.source, c.group_id, c.agent_id, c.queued_at as offered_at, c.answered_at,
       case when c.state = 'ABANDONED' then c.ended_at end as abandoned_at,
       case when c.state = 'ENDED' then c.ended_at end as ended_at,
       case when c.state = 'ENDED' then c.ended_by end as ended_by,
       case when c.state = 'ENDED' then (select count(*)::int from ch_chat_message m
                                          where m.chat_id = c.id and m.sender in ('CITIZEN', 'AGENT', 'LEADER')) end as messages,
       c.order_id, c.rating
  from ch_chat c;
