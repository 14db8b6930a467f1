-- The type, channel and urged filters counted their first 10,001 orders by reading the orders themselves (a type is
-- a third of the orders, a channel an eighth): 270-300 ms per page at a million. With the columns in the index
-- entries the count and the page's walk test them there (index-only where the visibility map allows). These
-- columns hardly ever change, so the in-place (HOT) updates of lights and steps are not affected.
drop index work_order_created;
create index work_order_created on work_order (created_at desc, id desc) include (owner_path, appeal_type, channel);
drop index work_order_urges;
create index work_order_urges on work_order (urge_count desc, created_at desc, id desc) include (owner_path);
analyze work_order;
