package org.openhotline.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.openhotline.knowledge.KnowledgeFixtures.ok;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.calendar.LimitUnit;
import org.openhotline.calendar.TimeLimit;
import org.openhotline.knowledge.internal.questions.Questions;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A knowledge question's deadline is counted in working days by the business calendar (2 by default). */
@HotlineTest
class KnowledgeQuestionDeadlineTest {

    private static final ZoneId CHINA = ZoneId.of("Asia/Shanghai");

    @LocalServerPort
    int port;

    @Autowired
    Questions questions;

    @Autowired
    BusinessCalendar calendar;

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CHINA).toInstant();
    }

    private LocalDateTime deadline(String askedAt) {
        return questions.deadlineFor(at(askedAt)).atZoneSameInstant(CHINA).toLocalDateTime();
    }

    @Test
    void aQuestionAskedOnFridayIsDueAfterTheWeekend() {
        // Fri 2026-11-20: Sat and Sun do not count, so the 2 working days are Mon 23 and Tue 24.
        assertThat(deadline("2026-11-20T15:00")).isEqualTo("2026-11-24T18:00");
    }

    @Test
    void aQuestionAskedBeforeAHolidayIsDueAfterIt() {
        // Thu 2026-09-24: Fri 25 – Sun 27 is 中秋节, so Mon 28 and Tue 29.
        assertThat(deadline("2026-09-24T10:00")).isEqualTo("2026-09-29T18:00");
        // Fri 2026-09-18: Sun 20 is a make-up working day (调休), it counts; Mon 21 is the second.
        assertThat(deadline("2026-09-18T16:00")).isEqualTo("2026-09-21T18:00");
    }

    @Test
    void theDeadlineOfAQuestionAskedThroughTheApiComesFromTheCalendar() {
        var agent = ApiClient.loggedIn(port, "agent4");
        var asked = ok(agent.post("/api/knowledge/questions", Map.of("question", "商品房预售资金监管账户在哪里查询？"))).json()
                .path("question");
        Instant askedAt = OffsetDateTime.parse(asked.path("askedAt").asString()).toInstant();
        Instant due = OffsetDateTime.parse(asked.path("deadline").asString()).toInstant();
        assertThat(due).isEqualTo(calendar.dueAt(askedAt, TimeLimit.of(2, LimitUnit.WORKING_DAYS)));
    }
}
