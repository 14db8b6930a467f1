package org.openhotline;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Who may do what in the embedded database. The platform used to connect as the superuser, so an SQL injection
 * anywhere could run shell commands ({@code COPY … TO PROGRAM}) and rewrite the audit trail. Now:
 * <ul>
 * <li>{@code hotline_owner} owns the schema and every object in it; Flyway migrates as this role. It is no
 *     superuser: it may create tables and trusted extensions (pg_trgm) in the database, nothing outside it.</li>
 * <li>{@code hotline_app} is what the application runs as: it reads and writes rows and uses sequences
 *     ({@link #APP_GRANTS}, applied after every migration); it owns nothing, so it cannot alter, drop or
 *     disable triggers, and on {@code audit_event} it may only insert and select.</li>
 * </ul>
 * A data directory from an earlier version (objects owned by {@code postgres}) is brought over on start.
 */
final class DatabaseRoles {

    private DatabaseRoles() {}

    /** Run as the superuser on every start: roles exist with the stored passwords, and the owner owns everything. */
    static void ensure(Connection superuser, DatabasePasswords passwords) throws SQLException {
        try (Statement sql = superuser.createStatement()) {
            for (String role : new String[] {DatabasePasswords.OWNER, DatabasePasswords.APP}) {
                sql.execute("do $$ begin if not exists (select from pg_roles where rolname = '" + role
                        + "') then create role " + role + "; end if; end $$");
            }
            sql.execute("alter role " + DatabasePasswords.OWNER + " login nosuperuser nocreatedb nocreaterole"
                    + " noreplication nobypassrls password " + literal(passwords.owner()));
            sql.execute("alter role " + DatabasePasswords.APP + " login nosuperuser nocreatedb nocreaterole"
                    + " noreplication nobypassrls noinherit password " + literal(passwords.app()));
            sql.execute("grant connect, create, temporary on database postgres to " + DatabasePasswords.OWNER);
            sql.execute("grant connect on database postgres to " + DatabasePasswords.APP);
            sql.execute("alter schema public owner to " + DatabasePasswords.OWNER);
            sql.execute(TRANSFER_OWNERSHIP);
        }
    }

    /** The objects in schema public that an earlier version created as {@code postgres} go to the owner role. */
    private static final String TRANSFER_OWNERSHIP = """
            do $$
            declare r record;
            begin
              for r in select c.oid::regclass as name, c.relkind from pg_class c
                       where c.relnamespace = 'public'::regnamespace and c.relowner <> 'hotline_owner'::regrole
                         and c.relkind in ('r', 'p', 'v', 'm')
                         and not exists (select from pg_depend d where d.objid = c.oid and d.deptype = 'e')
              loop
                execute format('alter %s %s owner to hotline_owner',
                    case r.relkind when 'v' then 'view' when 'm' then 'materialized view' else 'table' end, r.name);
              end loop;
              -- sequences of serial/identity columns moved with their table; the free-standing ones now
              for r in select c.oid::regclass as name from pg_class c
                       where c.relnamespace = 'public'::regnamespace and c.relowner <> 'hotline_owner'::regrole
                         and c.relkind = 'S'
                         and not exists (select from pg_depend d where d.objid = c.oid and d.deptype in ('a', 'i', 'e'))
              loop
                execute format('alter sequence %s owner to hotline_owner', r.name);
              end loop;
              for r in select p.oid::regprocedure as name, p.prokind from pg_proc p
                       where p.pronamespace = 'public'::regnamespace and p.proowner <> 'hotline_owner'::regrole
                         and not exists (select from pg_depend d where d.objid = p.oid and d.deptype = 'e')
              loop
                execute format('alter %s %s owner to hotline_owner',
                    case r.prokind when 'p' then 'procedure' when 'a' then 'aggregate' else 'function' end, r.name);
              end loop;
            end $$""";

    /** Run as the owner after every Flyway migration, so that new tables are covered too. */
    static final String APP_GRANTS = """
            grant usage on schema public to hotline_app;
            grant select, insert, update, delete on all tables in schema public to hotline_app;
            grant usage, select, update on all sequences in schema public to hotline_app;
            revoke update, delete, truncate, references, trigger on audit_event from hotline_app;
            revoke insert, update, delete, truncate on flyway_schema_history from hotline_app;
            """;

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
