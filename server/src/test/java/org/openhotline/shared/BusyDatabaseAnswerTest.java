package org.openhotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLTransientConnectionException;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.CannotGetJdbcConnectionException;

/** A saturated connection pool answers 503 with Retry-After and Chinese words, not a 500 "系统错误". */
class BusyDatabaseAnswerTest {

    @Test
    void noConnectionInTimeIsBusyNotBroken() {
        var answer = new ProblemAnswers().busy(new CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available, request timed out after 5000ms")));
        assertThat(answer.getStatusCode().value()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE.value());
        assertThat(answer.getHeaders().getFirst("Retry-After")).isEqualTo("2");
        assertThat(answer.getBody().getDetail()).isEqualTo("系统繁忙，请稍后重试");
        assertThat(answer.getBody().getDetail()).doesNotContain("Hikari");
    }
}
