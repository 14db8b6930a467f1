-- Sentence embeddings of articles (bge-small-zh, 512 floats, little-endian) for semantic search. Derived data like
-- the Lucene index, but costly to compute (tens of milliseconds per article), so kept here: an index rebuild reads
-- them instead of embedding every article again. text_hash says which text was embedded; a changed article or
-- another model gets a new vector from the background backfill.
create table kb_article_vector (
    article_id  bigint      primary key references kb_article (id) on delete cascade,
    model       varchar(60) not null,
    text_hash   varchar(64) not null,
    vector      bytea       not null,
    computed_at timestamptz not null
);
