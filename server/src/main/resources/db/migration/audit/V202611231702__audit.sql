-- The audit trail (审计日志): append-only. The trigger below makes the database itself refuse UPDATE, DELETE
-- and TRUNCATE, whoever connects; rows can only be added.
create table audit_event (
    id        bigserial primary key,
    at        timestamptz  not null,
    actor     varchar(50),
    source_ip varchar(64),
    action    varchar(60)  not null,
    target    varchar(200),
    result    varchar(10)  not null check (result in ('SUCCESS', 'FAILURE')),
    details   jsonb        not null default '{}'::jsonb
);
create index audit_event_at on audit_event (at desc);
create index audit_event_actor_at on audit_event (actor, at desc);
create index audit_event_action_at on audit_event (action, at desc);

create function audit_event_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'audit_event is append-only: % refused', tg_op using errcode = 'insufficient_privilege';
end;
$$;

create trigger audit_event_no_update before update or delete on audit_event
    for each row execute function audit_event_append_only();
create trigger audit_event_no_truncate before truncate on audit_event
    for each statement execute function audit_event_append_only();
