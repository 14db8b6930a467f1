-- Second factor (TOTP, RFC 6238) and the password policy of GB/T 22239 level 3 (issue 19).

-- Demo accounts are exempt from the second factor, the first-login change, expiry, inactivity and the session limit
-- while demo data is on (hotline.demo.enabled), so a newcomer logs in with the printed password. Production runs
-- with demo off, and then the flag means nothing.
alter table account add column demo boolean not null default false;
update account set demo = true where username in ('sysadmin', 'secadmin', 'auditadmin', 'manager', 'leader',
    'agent1', 'agent2', 'agent3', 'agent4', 'agent5', 'agent6', 'agent7', 'agent8', 'agent9', 'agent10',
    'teamleader1', 'dispatcher1', 'callback1', 'supervisor1', 'qc1', 'qc2', 'kbeditor1',
    'zjj1', 'cgj1', 'sbj1', 'scj1', 'rsj1', 'jtj1', 'swjt1', 'gdj1', 'jyj1', 'wjw1',
    'zjj_leader', 'cgj_leader', 'sbj_leader', 'scj_leader', 'rsj_leader', 'jtj_leader', 'swjt_leader', 'gdj_leader',
    'jyj_leader', 'wjw_leader', 'dh_ws1', 'xs_ws1', 'nc_ws1', 'bg_ws1', 'jk_ws1', 'qx_ws1', 'lj_ws1', 'dh_s01');
-- An admin's unlock or enable opens an account the inactivity rule closed: inactivity counts from the latest of
-- the last login, the creation and this.
alter table account add column reactivated_at timestamptz;

-- One authenticator per account. confirmed_at is null while an enrolment waits for its first code. last_step is the
-- 30-second step of the last code accepted: that code, and any earlier one, is refused from then on (RFC 6238 5.2).
create table account_second_factor (
    account_id   bigint primary key references account (id) on delete cascade,
    secret       varchar(64) not null,
    created_at   timestamptz not null,
    confirmed_at timestamptz,
    last_step    bigint not null default 0
);

-- Ten single-use recovery codes per confirmed enrolment, stored as SHA-256 (they are random, not chosen).
create table account_recovery_code (
    account_id bigint      not null references account (id) on delete cascade,
    code_hash  varchar(64) not null,
    used_at    timestamptz,
    primary key (account_id, code_hash)
);

-- The last passwords of each account (hashes as in account.password_hash), for the history rule.
create table password_history (
    id            bigserial primary key,
    account_id    bigint       not null references account (id) on delete cascade,
    password_hash varchar(255) not null,
    changed_at    timestamptz  not null
);
create index password_history_account on password_history (account_id, changed_at desc);

alter table security_policy add column max_length int not null default 64;
alter table security_policy add column expiry_days int not null default 90;
alter table security_policy add column history_count int not null default 5;
alter table security_policy add column inactive_days int not null default 90;
alter table security_policy add column max_sessions int not null default 3;
-- An account created or reset by an admin changes its password at first login. A demo installation starts with this
-- off and no session limit (DemoAccountsSeed), so that accounts made for a demo or a test log in as given.
alter table security_policy add column first_login_change boolean not null default true;
-- Comma-separated CIDRs the three admin roles may log in from; empty: anywhere.
alter table security_policy add column admin_networks varchar(500) not null default '';
