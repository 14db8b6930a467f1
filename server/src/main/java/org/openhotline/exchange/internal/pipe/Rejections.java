package org.openhotline.exchange.internal.pipe;

import java.time.Instant;
import java.time.ZoneOffset;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Requests refused before anything was stored (bad signature, schema error), kept for the operator's screen. */
@Component
public class Rejections {

    private final JdbcClient jdbc;

    Rejections(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void record(String counterpart, int status, String reason, String remoteAddress, Instant at) {
        jdbc.sql("insert into ex_rejection (counterpart, status, reason, remote_address, at) values (?, ?, ?, ?, ?)")
                .params(counterpart == null ? null : counterpart.length() > 40 ? counterpart.substring(0, 40) : counterpart,
                        status, Outbox.truncate(reason), remoteAddress, at.atOffset(ZoneOffset.UTC))
                .update();
    }
}
