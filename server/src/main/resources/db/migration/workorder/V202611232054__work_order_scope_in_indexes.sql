-- Every list asks for a page and its total within the caller's data scope (owner_path, or an assignment of the
-- caller's unit). With owner_path in the state and time indexes, counting 10,001 orders of a state or a period is
-- an index-only scan instead of 10,001 visits of wide order rows (ADR 003). owner_path never changes.
drop index work_order_state;
create index work_order_state on work_order (state, created_at desc, id desc) include (owner_path);
drop index work_order_created;
create index work_order_created on work_order (created_at desc, id desc) include (owner_path);

-- wo_light is derived from work_order by wo_refresh_lights alone: a foreign key would make each of a million light
-- changes lock its order row once more (FOR KEY SHARE writes the row's header).
alter table wo_light drop constraint wo_light_work_order_id_fkey;
