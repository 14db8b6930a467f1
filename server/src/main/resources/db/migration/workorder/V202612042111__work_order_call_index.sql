-- Quality inspection finds the order recorded from a call (complaint stratum, workbench) by its call id.
create index if not exists work_order_call on work_order (call_id) where call_id is not null;
