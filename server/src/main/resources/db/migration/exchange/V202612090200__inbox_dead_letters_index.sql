-- The inbox worker asks, for each of up to 500 waiting messages, whether an earlier message of its order is a dead
-- letter. With no index on (counterpart, order_key) each ask read every message ever received from that counterpart
-- (the unique index on (counterpart, message_id) only narrows it to the counterpart): 500 × the whole inbox per
-- round. Like ex_outbox_dead, this index holds the dead letters only, so it stays tiny.
create index ex_inbox_dead on ex_inbox (counterpart, order_key) where state = 'DEAD';
