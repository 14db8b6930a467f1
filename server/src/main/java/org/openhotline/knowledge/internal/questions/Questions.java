package org.openhotline.knowledge.internal.questions;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.knowledge.KnowledgeChanged;
import org.openhotline.knowledge.internal.articles.Article;
import org.openhotline.knowledge.internal.articles.ArticleEditing;
import org.openhotline.knowledge.internal.articles.RichText;
import org.openhotline.knowledge.internal.search.ChineseText;
import org.openhotline.organization.OrgNode;
import org.openhotline.organization.Organization;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Questions to units. Without a chosen unit the question goes to the unit whose duties match it best (the same
 * yellow pages the search box shows). The unit answers within {@code hotline.knowledge.question-working-days} working
 * days (2), counted by the business calendar: weekends and public holidays do not count, make-up working days do.
 */
@Service
public class Questions {

    private static final String COLUMNS = """
            id, question, detail, asked_by, asked_at, unit_id, unit_path, unit_name, deadline, state, answer,
            answered_by, answered_at, article_id, version""";

    private final JdbcClient jdbc;
    private final Organization organization;
    private final ArticleEditing editing;
    private final ApplicationEventPublisher events;
    private final BusinessCalendar calendar;
    private final Clock clock;
    private final TimeLimit answerWithin;

    Questions(JdbcClient jdbc, Organization organization, ArticleEditing editing, ApplicationEventPublisher events,
              BusinessCalendar calendar, Clock clock,
              @Value("${hotline.knowledge.question-working-days:2}") int workingDays) {
        this.jdbc = jdbc;
        this.organization = organization;
        this.editing = editing;
        this.events = events;
        this.calendar = calendar;
        this.clock = clock;
        this.answerWithin = TimeLimit.of(workingDays, LimitUnit.WORKING_DAYS);
    }

    /** When a question asked at {@code askedAt} must be answered: the end of the last working day allowed. */
    public OffsetDateTime deadlineFor(Instant askedAt) {
        return calendar.dueAt(askedAt, answerWithin).atZone(calendar.zone()).toOffsetDateTime();
    }

    @Transactional
    public Question ask(StaffPrincipal caller, String question, String detail, Long unitId) {
        if (question == null || question.isBlank() || question.length() > 300) {
            throw DomainException.invalid("请填写问题（不超过 300 个字）");
        }
        OrgNode unit = unitId != null
                ? organization.node(unitId).filter(n -> n.kind().handlesWork() && n.enabled())
                        .orElseThrow(() -> DomainException.invalid("答复单位不存在或已停用"))
                : organization.unitsByDuty(ChineseText.terms(question + " " + (detail == null ? "" : detail)).words(), 1)
                        .stream().findFirst()
                        .orElseThrow(() -> DomainException.invalid("未能根据职责自动匹配答复单位，请手动选择单位"));
        var now = OffsetDateTime.now(clock);
        long id = jdbc.sql("""
                insert into kb_question (question, detail, asked_by, asked_at, unit_id, unit_path, unit_name, deadline,
                                         state)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN') returning id""")
                .params(question.strip(), detail == null ? "" : detail.strip(), caller.username(), now, unit.id(),
                        unit.path(), unit.name(), deadlineFor(now.toInstant()))
                .query(Long.class).single();
        events.publishEvent(new KnowledgeChanged("question", id, "asked", Map.of("unit", unit.code())));
        return get(id);
    }

    @Transactional
    public Question answer(StaffPrincipal caller, long id, String text) {
        Question q = get(id);
        if (!caller.sees(q.unitPath()) || !caller.can("workorder:handle")) {
            throw DomainException.forbidden("只有被提问单位的人员可以答复");
        }
        Question answered = q.answer(text, caller.username(), OffsetDateTime.now(clock));
        save(answered);
        events.publishEvent(new KnowledgeChanged("question", id, "answered", Map.of()));
        return get(id);
    }

    /** The editor turns the unit's answer into a draft article in the chosen column. */
    @Transactional
    public Question toArticle(StaffPrincipal caller, long id, long categoryId) {
        Question q = get(id);
        q.convertedInto(0); // refuses unless answered, before anything is written
        Article draft = editing.create(caller, new ArticleEditing.Content(categoryId, q.question(),
                RichText.fromText(q.answer()), "", "", "知识提问答复（" + q.unitName() + "，" + q.answeredBy() + "）",
                null, null));
        save(q.convertedInto(draft.id()));
        events.publishEvent(new KnowledgeChanged("question", id, "converted", Map.of("article", draft.id())));
        return get(id);
    }

    public Question get(long id) {
        return jdbc.sql("select " + COLUMNS + " from kb_question where id = ?").param(id).query(Questions::map)
                .optional().orElseThrow(() -> DomainException.notFound("问题不存在"));
    }

    /** Who sees which questions: the asker, the handlers of the unit asked (and its parents), knowledge editors. */
    public PageResult<Question> list(StaffPrincipal caller, String box, Question.State state, int page, int size) {
        String where = switch (box) {
            case "inbox" -> {
                if (!caller.can("workorder:handle")) {
                    throw DomainException.forbidden("只有承办单位人员可以查看待答的知识提问");
                }
                yield " where unit_path like :path || '%'";
            }
            case "mine" -> " where asked_by = :user";
            default -> {
                if (!caller.can("knowledge:edit")) {
                    throw DomainException.forbidden("只有知识库采编人员可以查看全部知识提问");
                }
                yield " where true";
            }
        };
        where += " and (cast(:state as varchar) is null or state = cast(:state as varchar))";
        String st = state == null ? null : state.name();
        long total = jdbc.sql("select count(*) from kb_question" + where).param("path", caller.orgPath())
                .param("user", caller.username()).param("state", st).query(Long.class).single();
        List<Question> items = jdbc.sql("select " + COLUMNS + " from kb_question" + where
                        + " order by (state = 'OPEN') desc, deadline, id desc limit :size offset :offset")
                .param("path", caller.orgPath()).param("user", caller.username()).param("state", st)
                .param("size", size).param("offset", PageResult.offset(page, size)).query(Questions::map).list();
        return new PageResult<>(items, total, page, size);
    }

    private void save(Question q) {
        if (jdbc.sql("""
                update kb_question set state = ?, answer = ?, answered_by = ?, answered_at = ?, article_id = ?,
                       version = version + 1 where id = ? and version = ?""")
                .params(q.state().name(), q.answer(), q.answeredBy(), q.answeredAt(), q.articleId(), q.id(), q.version())
                .update() == 0) {
            throw DomainException.conflict("该问题已被他人处理，请刷新后重试");
        }
    }

    static Question map(ResultSet rs, int n) throws SQLException {
        return new Question(rs.getLong("id"), rs.getString("question"), rs.getString("detail"),
                rs.getString("asked_by"), rs.getObject("asked_at", OffsetDateTime.class), rs.getLong("unit_id"),
                rs.getString("unit_path"), rs.getString("unit_name"), rs.getObject("deadline", OffsetDateTime.class),
                Question.State.valueOf(rs.getString("state")), rs.getString("answer"), rs.getString("answered_by"),
                rs.getObject("answered_at", OffsetDateTime.class), (Long) rs.getObject("article_id"),
                rs.getInt("version"));
    }
}
