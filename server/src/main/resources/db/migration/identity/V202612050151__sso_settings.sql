-- Single sign-on over OpenID Connect with the city's identity provider (issue 15), set by the security admin at run
-- time. One row. The local account is found by the value of one claim (link_claim) in one account field
-- (link_field); roles stay granted here. With local_login_admins_only, password login is left to the three admins.
create table id_sso_settings (
    id                      int primary key check (id = 1),
    enabled                 boolean      not null default false,
    issuer_uri              varchar(300),
    client_id               varchar(200),
    client_secret           varchar(300),
    scopes                  varchar(200) not null default 'openid profile',
    link_claim              varchar(60)  not null default 'preferred_username',
    link_field              varchar(20)  not null default 'USERNAME' check (link_field in ('USERNAME', 'PHONE', 'AGENT_NO')),
    button_label            varchar(40)  not null default '统一身份认证登录',
    local_login_admins_only boolean      not null default true,
    version                 int          not null default 0,
    updated_at              timestamptz
);
insert into id_sso_settings (id) values (1);
