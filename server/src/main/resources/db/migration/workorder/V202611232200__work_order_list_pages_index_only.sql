-- A list page now takes its ids first (OrderSearch): with the urge count in the time index an urged page is an
-- index-only walk too, and the flag indexes carry owner_path so that their capped counts stay in the index.
-- urge_count is already indexed (work_order_urges), so an urge was never a HOT update: nothing changes there.
drop index work_order_created;
create index work_order_created on work_order (created_at desc, id desc) include (owner_path, appeal_type, channel, urge_count);
drop index work_order_supervised;
create index work_order_supervised on work_order (created_at desc, id desc) include (owner_path) where supervised;
drop index work_order_difficult;
create index work_order_difficult on work_order (created_at desc, id desc) include (owner_path) where difficult;
analyze work_order;
