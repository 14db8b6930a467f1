-- Auto-dispatch (自动派单): per-category thresholds beside the global one (wo_dispatch_setting.auto_threshold), and the
-- dispatcher's undoing of an automatic dispatch on its basis row (an undone or returned auto-dispatch is a miss).
create table wo_dispatch_auto_category (
    category_id bigint primary key references wo_category (id),
    -- null: never dispatch this category automatically, whatever the global threshold says
    threshold   double precision check (threshold is null or threshold between 0.5 and 1),
    updated_by  varchar(50) not null,
    updated_at  timestamptz not null
);

alter table wo_dispatch_basis add column undone_at timestamptz;
alter table wo_dispatch_basis add column undone_by varchar(50);

-- the auto-dispatch accuracy of the last days and the undo check read automatic dispatches only
create index wo_dispatch_basis_auto on wo_dispatch_basis (at, work_order_id) where kind = 'AUTO';
