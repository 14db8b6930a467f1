-- Joint recovery of an admin account (三权分立): an admin of a second power asks, an admin of the third power
-- approves; each of them receives half of the one-time password. At most one open request per account.
create table admin_recovery_request (
    id                bigserial primary key,
    target_account_id bigint       not null references account (id),
    target_power      varchar(30)  not null,
    requested_by      varchar(50)  not null,
    requester_power   varchar(30)  not null,
    reason            varchar(200) not null,
    requested_at      timestamptz  not null,
    expires_at        timestamptz  not null,
    status            varchar(10)  not null check (status in ('PENDING', 'APPROVED', 'REJECTED')),
    decided_by        varchar(50),
    decided_at        timestamptz,
    -- the requester's half of the one-time password, kept until the requester has read it once
    requester_half    varchar(64)
);
create unique index admin_recovery_one_open on admin_recovery_request (target_account_id) where status = 'PENDING';
create index admin_recovery_requested_at on admin_recovery_request (requested_at desc);
