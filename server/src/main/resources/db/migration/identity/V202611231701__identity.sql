-- Identity: staff accounts, their roles, each role's permissions, the security policy, and the HTTP sessions
-- (Spring Session JDBC, so that several app nodes share them).
create table account (
    id                  bigserial primary key,
    username            varchar(50)  not null unique,
    display_name        varchar(50)  not null,
    password_hash       varchar(255) not null,
    org_node_id         bigint       not null references org_node (id),
    phone               varchar(30),
    email               varchar(100),
    agent_no            varchar(20) unique,
    enabled             boolean      not null default true,
    failed_logins       int          not null default 0,
    locked_until        timestamptz,
    password_changed_at timestamptz,
    last_login_at       timestamptz,
    version             int          not null default 0,
    created_at          timestamptz  not null,
    updated_at          timestamptz  not null
);
create index account_org on account (org_node_id);

create table account_role (
    account_id bigint      not null references account (id) on delete cascade,
    role       varchar(30) not null,
    primary key (account_id, role)
);
create index account_role_role on account_role (role);
-- 三权分立: the database itself refuses a second admin power on one account.
create unique index account_one_admin_power on account_role (account_id)
    where role in ('SYS_ADMIN', 'SEC_ADMIN', 'AUDIT_ADMIN');

create table role_permission (
    role       varchar(30) not null,
    permission varchar(60) not null,
    primary key (role, permission)
);

create table security_policy (
    id                 int primary key check (id = 1),
    min_length         int not null,
    max_failures       int not null,
    lock_minutes       int not null,
    idle_minutes       int not null,
    admin_idle_minutes int not null,
    version            int not null default 0
);
insert into security_policy (id, min_length, max_failures, lock_minutes, idle_minutes, admin_idle_minutes)
values (1, 10, 5, 15, 30, 15);

CREATE TABLE SPRING_SESSION (
	PRIMARY_ID CHAR(36) NOT NULL,
	SESSION_ID CHAR(36) NOT NULL,
	CREATION_TIME BIGINT NOT NULL,
	LAST_ACCESS_TIME BIGINT NOT NULL,
	MAX_INACTIVE_INTERVAL INT NOT NULL,
	EXPIRY_TIME BIGINT NOT NULL,
	PRINCIPAL_NAME VARCHAR(100),
	CONSTRAINT SPRING_SESSION_PK PRIMARY KEY (PRIMARY_ID)
);

CREATE UNIQUE INDEX SPRING_SESSION_IX1 ON SPRING_SESSION (SESSION_ID);
CREATE INDEX SPRING_SESSION_IX2 ON SPRING_SESSION (EXPIRY_TIME);
CREATE INDEX SPRING_SESSION_IX3 ON SPRING_SESSION (PRINCIPAL_NAME);

CREATE TABLE SPRING_SESSION_ATTRIBUTES (
	SESSION_PRIMARY_ID CHAR(36) NOT NULL,
	ATTRIBUTE_NAME VARCHAR(200) NOT NULL,
	ATTRIBUTE_BYTES BYTEA NOT NULL,
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_PK PRIMARY KEY (SESSION_PRIMARY_ID, ATTRIBUTE_NAME),
	CONSTRAINT SPRING_SESSION_ATTRIBUTES_FK FOREIGN KEY (SESSION_PRIMARY_ID) REFERENCES SPRING_SESSION(PRIMARY_ID) ON DELETE CASCADE
);
