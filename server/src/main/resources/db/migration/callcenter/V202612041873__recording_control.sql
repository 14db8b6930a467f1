-- Recordings under control (004 "删除通话录音"): a deletion is requested with a reason and approved by a second
-- person; retention rules per call direction remove old recordings on a schedule. The call record keeps the fact:
-- when its recording was removed and by whom (the approver, or "retention"); the request row keeps the reason.
create table cc_recording_deletion (
    id              bigserial primary key,
    call_id         varchar(64)  not null references cc_call (id),
    reason          varchar(200) not null,
    requested_by_id bigint       not null,
    requested_by    varchar(50)  not null,
    requested_at    timestamptz  not null,
    status          varchar(10)  not null default 'PENDING' check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by_id   bigint,
    decided_by      varchar(50),
    decided_at      timestamptz,
    decision_note   varchar(200),
    bytes_freed     bigint,
    version         int          not null default 0
);
create index cc_recording_deletion_status on cc_recording_deletion (status, requested_at desc);
create index cc_recording_deletion_call on cc_recording_deletion (call_id);
-- one open request per call
create unique index cc_recording_deletion_one_pending on cc_recording_deletion (call_id) where status = 'PENDING';

alter table cc_call add column recording_removed_at timestamptz;
alter table cc_call add column recording_removed_by varchar(50);

create table cc_recording_retention (
    direction varchar(10) primary key check (direction in ('INBOUND', 'OUTBOUND', 'INTERNAL')),
    days      int         check (days between 1 and 36500),
    version   int         not null default 0
);
insert into cc_recording_retention (direction, days) values ('INBOUND', null), ('OUTBOUND', null), ('INTERNAL', null);

create table cc_recording_retention_run (
    id          bigserial primary key,
    ran_at      timestamptz not null,
    deleted     int         not null,
    bytes_freed bigint      not null,
    failures    int         not null,
    by_actor    varchar(50) not null
);
create index cc_recording_retention_run_at on cc_recording_retention_run (ran_at desc);
-- the retention sweep looks for old recordings of one direction
create index cc_call_recorded on cc_call (direction, arrived_at) where recording_path is not null;
