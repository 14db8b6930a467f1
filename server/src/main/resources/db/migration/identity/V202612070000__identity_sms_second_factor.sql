-- An SMS code as the second factor of staff logins (issue 19), set by the security admin for a whole role or for
-- one account. The three admin powers keep their local login with an authenticator and cannot be set here.
create table sms_factor_role (
    role   varchar(30) primary key,
    set_by varchar(50) not null,
    set_at timestamptz not null
);

create table sms_factor_account (
    account_id bigint primary key references account (id) on delete cascade,
    set_by     varchar(50) not null,
    set_at     timestamptz not null
);

-- The codes sent: SHA-256 of "id:code" only, 5 minutes, 5 tries, used once. created_at per account also rates
-- the sending (one a minute, five an hour).
create table account_sms_code (
    id         uuid primary key,
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    attempts   int         not null default 0,
    created_at timestamptz not null,
    expires_at timestamptz not null,
    used_at    timestamptz
);
create index account_sms_code_account on account_sms_code (account_id, created_at desc);
