-- The citizen's name and number of a chat, and the author of its lines, sealed at rest (issue 19, ADR 041): the
-- columns already are text. Resealing walks a table by one unique column; a line's key is (chat_id, seq), so it gets
-- a row number to walk by. Rows written before this version are sealed by Resealing after start-up.
alter table ch_chat_message add column row_no bigint generated always as identity;
create unique index ch_chat_message_row_no on ch_chat_message (row_no);
