-- A password set by the operator's admin recovery command (AdminRecovery) is one-time: logging in with it opens
-- nothing but the change-password form, and it stops working when password_expires_at has passed.
alter table account add column password_must_change boolean not null default false;
alter table account add column password_expires_at timestamptz;
