package org.openhotline.identity.internal;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Spring Session JDBC stores the last-access time on every request, so every API call (a read as much as a write)
 * would commit one more transaction, each waiting for its WAL flush with {@code synchronous_commit} on. This update
 * writes only when something besides the access time changed or the stored access time is a minute old; otherwise
 * it matches no row and the transaction commits without writing (no flush). Cost: an idle session ends up to
 * {@link #ACCESS_GRANULARITY_MS} before its 30 minutes, never later. Parameters keep the stock statement's order.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    static final long ACCESS_GRANULARITY_MS = 60_000;

    static final String UPDATE_SESSION = """
            UPDATE %TABLE_NAME% S
               SET SESSION_ID = V.SESSION_ID, LAST_ACCESS_TIME = V.LAST_ACCESS_TIME,
                   MAX_INACTIVE_INTERVAL = V.MAX_INACTIVE_INTERVAL, EXPIRY_TIME = V.EXPIRY_TIME,
                   PRINCIPAL_NAME = V.PRINCIPAL_NAME
              FROM (SELECT CAST(? AS CHAR(36)) AS SESSION_ID, CAST(? AS BIGINT) AS LAST_ACCESS_TIME,
                           CAST(? AS INT) AS MAX_INACTIVE_INTERVAL, CAST(? AS BIGINT) AS EXPIRY_TIME,
                           CAST(? AS VARCHAR(100)) AS PRINCIPAL_NAME, CAST(? AS CHAR(36)) AS PRIMARY_ID) V
             WHERE S.PRIMARY_ID = V.PRIMARY_ID
               AND (S.SESSION_ID <> V.SESSION_ID OR S.MAX_INACTIVE_INTERVAL <> V.MAX_INACTIVE_INTERVAL
                    OR S.PRINCIPAL_NAME IS DISTINCT FROM V.PRINCIPAL_NAME
                    OR V.LAST_ACCESS_TIME - S.LAST_ACCESS_TIME >= """ + ACCESS_GRANULARITY_MS + ")";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> sparseAccessTimeWrites() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION);
    }
}
