package org.openhotline.training.internal.exams;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.openhotline.identity.Role;
import org.openhotline.identity.StaffDirectory;
import org.openhotline.shared.DemoSeed;
import org.openhotline.training.internal.questions.Question;
import org.openhotline.training.internal.questions.QuestionKind;
import org.openhotline.training.internal.questions.Questions;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The demo's question bank, a monthly exam open for 30 days, so that a newcomer can sit one at once, and a year of past
 * monthly exams sat and graded by the agents ({@link DemoExamHistory}), so that the pass rate and coverage have history.
 */
@Component
class TrainingDemoSeed implements DemoSeed {

    private final JdbcClient jdbc;
    private final Questions questions;
    private final Papers papers;
    private final Exams exams;
    private final StaffDirectory staff;
    private final Clock clock;
    private final DemoExamHistory history;

    TrainingDemoSeed(JdbcClient jdbc, JdbcTemplate batch, Questions questions, Papers papers, Exams exams,
                     StaffDirectory staff, Clock clock, @Value("${hotline.time-zone:Asia/Shanghai}") String zone) {
        this.jdbc = jdbc;
        this.history = new DemoExamHistory(jdbc, batch, exams, ZoneId.of(zone));
        this.questions = questions;
        this.papers = papers;
        this.exams = exams;
        this.staff = staff;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 80;
    }

    @Override
    @Transactional
    public boolean seedIfEmpty(String demoPassword) {
        if (jdbc.sql("select count(*) from tr_question").query(Long.class).single() > 0) {
            return false;
        }
        List<Question> bank = List.of(
                new Question(0, "热线规范", 1, QuestionKind.TRUE_FALSE, "话务员可以向来电人透露其他市民的诉求内容。", List.of(), "错", "保护来电人隐私"),
                new Question(0, "热线规范", 1, QuestionKind.FILL, "12345 热线服务时间为____小时，全年____天。", List.of(), "24|365", null),
                new Question(0, "热线规范", 2, QuestionKind.SINGLE, "来电人情绪激动时，话务员首先应当：",
                        List.of("立即转接班长", "安抚情绪、耐心倾听", "挂断电话"), "B", null),
                new Question(0, "工单受理", 2, QuestionKind.MULTIPLE, "受理工单时必须记录的内容有：",
                        List.of("诉求人联系电话", "诉求内容", "诉求发生地点", "来电人星座"), "A,B,C", null),
                new Question(0, "工单受理", 3, QuestionKind.SHORT, "简述直接答复与派单办理的区分原则。", List.of(),
                        "知识库有明确答复口径的当场答复；需要部门现场处置或核实的派单", null),
                new Question(0, "社会保障", 2, QuestionKind.SINGLE, "灵活就业人员参加职工养老保险，缴费基数可在上年度职工平均工资的多少之间自选？",
                        List.of("40%–200%", "60%–300%", "80%–100%"), "B", null));
        List<Papers.Item> items = bank.stream().map(q -> new Papers.Item(questions.add(q), q.kind() == QuestionKind.SHORT ? 20 : 16)).toList();
        long manager = staff.withRole(Role.MANAGER).stream().map(StaffDirectory.Staff::accountId).findFirst().orElse(0L);
        long paper = papers.create("话务员月度业务考试", "FIXED", 30, 60, items, List.of(), manager);
        var now = clock.instant();
        exams.create(paper, "本月业务考试", now, now.plus(Duration.ofDays(30)), manager);
        history.seed(paper, 30, bank, items, staff.withRole(Role.AGENT).stream().map(StaffDirectory.Staff::accountId).toList(),
                manager, now);
        return true;
    }
}
