package org.openhotline.shared.http;

import java.sql.SQLException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionSystemException;

/**
 * Whether a failure says the database is away — failing over, restarting, a connection cut under a statement or a
 * rollback — rather than that the request or the code is wrong. Such a request gets 503 with Retry-After (the client
 * tries again, with its Idempotency-Key if it wrote), not a 500 that pages the operator: a database drill measured
 * 9 answers "JDBC rollback failed" → 500 while the primary was killed.
 */
public final class DatabaseOutage {

    /** What the client reads. */
    public static final String DETAIL = "数据库暂时不可用（可能正在切换），请稍后重试";

    private DatabaseOutage() {
    }

    public static boolean is(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotGetJdbcConnectionException || t instanceof CannotCreateTransactionException
                    || t instanceof DataAccessResourceFailureException) {
                return true;
            }
            if (t instanceof TransactionSystemException tx && tx.getCause() instanceof SQLException) {
                // a commit or rollback the connection could not carry out: the connection broke under it (Hikari's
                // "Connection is closed" carries no SQLSTATE)
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                String state = sql.getSQLState();
                // 08: connection exceptions; 57P01-03: the server shutting down or starting; 25006: a write reached a
                // server that became a standby (the old primary, before the pool reconnects to the new one)
                if (state.startsWith("08") || state.startsWith("57P") || state.equals("25006")) {
                    return true;
                }
            }
        }
        return false;
    }
}
