-- The audit chain (issue 19): each record carries HMAC-SM3(key, previous record's hash | its own fields), with the
-- key outside the database, so whoever can write to the database (even with the append-only triggers switched
-- off) cannot change, remove or insert a record without GET /api/audit/verify finding it. Rows written before
-- this migration have no hash and are reported as not covered.
alter table audit_event add column chain_hash varchar(64);

-- The chain's head: the last chained record and its hash. Appends lock this row (in the action's transaction), so
-- records are chained one after another in id order; verify also checks that the chain still ends here.
create table audit_chain_head (
    id        int primary key check (id = 1),
    last_id   bigint      not null,
    last_hash varchar(64) not null
);
insert into audit_chain_head (id, last_id, last_hash) values (1, 0, 'genesis');

-- Records older than the retention (hotline.audit.retention-days, at least 180) move here with their hashes;
-- verify walks this table and then audit_event as one chain. Append-only like audit_event.
create table audit_event_archive (
    id          bigint primary key,
    at          timestamptz  not null,
    actor       varchar(50),
    source_ip   varchar(64),
    action      varchar(60)  not null,
    target      varchar(200),
    result      varchar(10)  not null,
    details     jsonb        not null,
    chain_hash  varchar(64),
    archived_at timestamptz  not null
);
create trigger audit_event_archive_no_update before update or delete on audit_event_archive
    for each row execute function audit_event_append_only();
create trigger audit_event_archive_no_truncate before truncate on audit_event_archive
    for each statement execute function audit_event_append_only();

-- A live record may now leave audit_event, but only once the same record (id and hash) is in the archive.
create or replace function audit_event_append_only() returns trigger language plpgsql as $$
begin
    if tg_op = 'DELETE' and tg_table_name = 'audit_event' and exists (
            select 1 from audit_event_archive a
             where a.id = old.id and a.chain_hash is not distinct from old.chain_hash) then
        return old;
    end if;
    raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'insufficient_privilege';
end;
$$;

-- The nightly archiving (AuditArchive) runs as the application's role, which may not delete from audit_event: this
-- function, owned by the owner role, does the move and only that, and never for records younger than 180 days.
create function audit_archive(cutoff timestamptz, archived timestamptz) returns int
    language plpgsql security definer set search_path = public as $$
declare moved int;
begin
    if cutoff > now() - interval '180 days' then
        raise exception 'audit records are kept 180 days at least' using errcode = 'insufficient_privilege';
    end if;
    insert into audit_event_archive (id, at, actor, source_ip, action, target, result, details, chain_hash, archived_at)
    select id, at, actor, source_ip, action, target, result, details, chain_hash, archived
      from audit_event where at < cutoff order by id;
    get diagnostics moved = row_count;
    delete from audit_event where at < cutoff;
    return moved;
end;
$$;
