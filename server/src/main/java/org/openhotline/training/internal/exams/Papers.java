package org.openhotline.training.internal.exams;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.shared.DomainException;
import org.openhotline.training.internal.questions.Questions;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** 试卷: fixed papers list their questions and points; rules papers draw anew for every sitting. */
@Service
public class Papers {

    public record Paper(long id, String name, String mode, int minutes, int passScore, String rules) {
        List<PaperRule> ruleList() {
            return PaperRule.parse(rules);
        }
    }

    public record Item(long questionId, int points) {}

    private final JdbcClient jdbc;
    private final Questions questions;
    private final Clock clock;

    Papers(JdbcClient jdbc, Questions questions, Clock clock) {
        this.jdbc = jdbc;
        this.questions = questions;
        this.clock = clock;
    }

    @Transactional
    public long create(String name, String mode, int minutes, int passScore, List<Item> items, List<PaperRule> rules, long by) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw DomainException.invalid("试卷名称不能为空且不超过 100 个字");
        }
        if (minutes < 1 || minutes > 600 || passScore < 0 || passScore > 1000) {
            throw DomainException.invalid("考试时长 1–600 分钟，及格分 0–1000");
        }
        boolean fixed = "FIXED".equals(mode);
        if (fixed && (items == null || items.isEmpty())) {
            throw DomainException.invalid("固定试卷至少选一道题");
        }
        if (!fixed && !"RULES".equals(mode)) {
            throw DomainException.invalid("组卷方式应为 FIXED（固定）或 RULES（按规则抽题）");
        }
        if (!fixed) {
            if (rules == null || rules.isEmpty()) {
                throw DomainException.invalid("请至少设置一条抽题规则");
            }
            rules.forEach(PaperRule::check);
        }
        long id = jdbc.sql("""
                insert into tr_paper (name, mode, minutes, pass_score, rules, created_by, created_at)
                values (?, ?, ?, ?, ?, ?, ?) returning id""")
                .params(name.strip(), mode, minutes, passScore, fixed ? null : PaperRule.format(rules), by,
                        Timestamp.from(clock.instant())).query(Long.class).single();
        if (fixed) {
            var known = questions.byIds(items.stream().map(Item::questionId).toList());
            int sort = 0;
            for (Item item : items) {
                if (!known.containsKey(item.questionId())) {
                    throw DomainException.invalid("题目 " + item.questionId() + " 不存在");
                }
                if (item.points() < 1 || item.points() > 100) {
                    throw DomainException.invalid("每题分值 1–100");
                }
                jdbc.sql("insert into tr_paper_question (paper_id, question_id, points, sort) values (?, ?, ?, ?)")
                        .params(id, item.questionId(), item.points(), sort++).update();
            }
        }
        return id;
    }

    public Paper find(long id) {
        return jdbc.sql("select id, name, mode, minutes, pass_score, rules from tr_paper where id = ?").param(id)
                .query(Paper.class).optional().orElseThrow(() -> DomainException.notFound("试卷不存在"));
    }

    public List<Paper> list() {
        return jdbc.sql("select id, name, mode, minutes, pass_score, rules from tr_paper order by id desc limit 200")
                .query(Paper.class).list();
    }

    /** The questions of one sitting: the fixed list, or a fresh draw by the rules. */
    List<Item> questionsFor(Paper paper) {
        if ("FIXED".equals(paper.mode())) {
            return jdbc.sql("select question_id, points from tr_paper_question where paper_id = ? order by sort")
                    .param(paper.id()).query(Item.class).list();
        }
        List<Item> items = new ArrayList<>();
        for (PaperRule rule : paper.ruleList()) {
            var drawn = questions.draw(rule.category(), rule.kind(), rule.difficulty(), rule.count());
            if (drawn.size() < rule.count()) {
                throw DomainException.conflict("题库中“" + rule.category() + "”的" + rule.kind().label() + "题不足 "
                        + rule.count() + " 道，无法组卷");
            }
            drawn.forEach(q -> items.add(new Item(q, rule.points())));
        }
        return items;
    }
}
