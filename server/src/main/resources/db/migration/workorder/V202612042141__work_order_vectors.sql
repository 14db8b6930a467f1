-- Sentence embeddings of work orders' title and content (bge-small-zh, 512 floats, little-endian), computed when an
-- order is first compared with a new appeal (similar orders, 并单) or a unit's reply is checked against it; kept so
-- the next comparison does not embed it again. text_hash says which text was embedded.
create table wo_order_vector (
    work_order_id bigint      primary key references work_order (id) on delete cascade,
    text_hash     varchar(64) not null,
    vector        bytea       not null
);
