-- 回访 "联系不上/未接通": attempts are counted on the order (each one is also a timeline entry).
alter table work_order add column callback_attempts int not null default 0;

-- The callback record shows who called back by name, as the timeline does.
alter table wo_callback add column by_name varchar(100);

-- Work-order settings the manager (and, for the units' phone numbers, the admin) sets on the 设置 screen.
create table wo_setting (
    key        varchar(60)  primary key,
    value      varchar(200) not null,
    updated_by varchar(50),
    updated_at timestamptz
);
insert into wo_setting (key, value) values
    ('callback.max-attempts', '3'),
    ('callback.when-exhausted', 'CLOSE'),
    ('unit.unmask', 'false');
