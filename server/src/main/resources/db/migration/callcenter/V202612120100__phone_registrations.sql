-- Where each agent phone registered (RFC 3261 section 10), kept beside the telephony engine's memory so that a phone
-- that registered once is reached by any engine: the node that takes over the call center in a cluster, or the
-- platform after a restart, calls it without waiting for its next REGISTER (ADR 050, decision 7). One row per
-- extension (a phone's new registration replaces its last); rows past expires_at are ignored and swept.
create table cc_phone_registration (
    extension   varchar(32)  primary key,
    contact_uri varchar(512) not null,
    transport   varchar(8)   not null,
    -- RFC 3327 Path: the proxy (Kamailio) that asked to stay on the way to the phone; null when registered directly
    path        varchar(1024),
    expires_at  timestamptz  not null,
    updated_at  timestamptz  not null
);
