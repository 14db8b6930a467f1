-- Chats are the ACD's second medium: per skill group, how many chats an agent holds at most, and how many of
-- them beside a call (3 chats, or 1 call + 1 chat by default).
alter table cc_skill_group add column chat_capacity int not null default 3 check (chat_capacity between 0 and 10);
alter table cc_skill_group add column chats_with_call int not null default 1 check (chats_with_call between 0 and 10);
alter table cc_skill_group add constraint cc_skill_group_chats_with_call check (chats_with_call <= chat_capacity);
