-- The inbox worker asks, for each of up to 500 waiting messages, whether an earlier message of its order is a dead
-- letter. With no index on (counterpart, order_key) the only index such an ask could use was the unique one on
-- (counterpart, message_id), which narrows it to the counterpart: up to 500 scans of that counterpart's whole inbox
-- per round (inferred from the query's shape and the indexes, not from a plan). Like ex_outbox_dead, this index holds the dead letters only, so it stays tiny.
create index ex_inbox_dead on ex_inbox (counterpart, order_key) where state = 'DEAD';
