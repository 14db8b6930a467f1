-- Agents' verdicts on the answer assistant's replies (有帮助 / 没帮助), each beside what the assistant itself decided
-- (answered or abstained) and the signals it decided on: from real questions, the four cells the abstention is judged
-- and tuned by — answered and helpful, answered but not, abstained though its passages helped, rightly abstained.
create table kb_assistant_feedback (
    id          bigserial primary key,
    question    varchar(500) not null,
    answered    boolean      not null,
    article_id  bigint references kb_article (id) on delete set null,
    similarity  real         not null,
    coverage    real         not null,
    helpful     boolean      not null,
    given_by    varchar(50)  not null,
    given_at    timestamptz  not null
);

create index kb_assistant_feedback_recent on kb_assistant_feedback (given_at desc);
