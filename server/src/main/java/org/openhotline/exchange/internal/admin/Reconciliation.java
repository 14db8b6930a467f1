package org.openhotline.exchange.internal.admin;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openhotline.calendar.BusinessCalendar;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.Counterparts;
import org.openhotline.exchange.internal.pipe.DayLedger;
import org.openhotline.exchange.internal.pipe.ExchangeProperties;
import org.openhotline.exchange.internal.pipe.Signatures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The daily reconciliation (每日对账) with a counterpart: our ledger of the day against theirs, both directions.
 * A message we sent that they do not have, or they sent that we do not have, is a difference; so is one still
 * pending or dead on either side. Each run is kept, so the screen shows the history.
 */
@Component
class Reconciliation {

    record Difference(String direction, String messageId, String problem) {}

    record Result(long id, String counterpart, LocalDate day, int differences, String error) {}

    private final Counterparts counterparts;
    private final DayLedger ledger;
    private final ExchangeProperties properties;
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final BusinessCalendar calendar;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    Reconciliation(Counterparts counterparts, DayLedger ledger, ExchangeProperties properties, JdbcClient jdbc,
                   JsonMapper json, Clock clock, BusinessCalendar calendar) {
        this.counterparts = counterparts;
        this.ledger = ledger;
        this.properties = properties;
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.calendar = calendar;
    }

    /** Yesterday with every counterpart we can reach, at 01:30. */
    @Scheduled(cron = "${hotline.exchange.reconciliation-cron:0 30 1 * * *}", zone = "${hotline.time-zone}")
    void nightly() {
        LocalDate yesterday = LocalDate.ofInstant(clock.instant(), calendar.zone()).minusDays(1);
        for (Counterpart c : counterparts.all()) {
            if (c.enabled() && c.baseUrl() != null && !c.baseUrl().isBlank()) {
                run(c.code(), yesterday);
            }
        }
    }

    Result run(String code, LocalDate day) {
        Counterpart c = counterparts.require(code);
        DayLedger.Ledger ours = ledger.of(code, day);
        DayLedger.Ledger theirs = null;
        String error = null;
        try {
            theirs = fetch(c, day);
        } catch (Exception e) {
            error = "无法取得对方账目：" + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
        List<Difference> diffs = theirs == null ? List.of() : compare(ours, theirs);
        long id = jdbc.sql("""
                insert into ex_reconciliation (counterpart, day, run_at, ours, theirs, differences, difference_count, error)
                values (?, ?, ?, cast(? as jsonb), cast(? as jsonb), cast(? as jsonb), ?, ?) returning id""")
                .params(code, day, clock.instant().atOffset(ZoneOffset.UTC), json.writeValueAsString(summary(ours)),
                        theirs == null ? null : json.writeValueAsString(summary(theirs)),
                        json.writeValueAsString(diffs.stream().limit(500).toList()), diffs.size(), error)
                .query(Long.class).single();
        return new Result(id, code, day, diffs.size(), error);
    }

    static List<Difference> compare(DayLedger.Ledger ours, DayLedger.Ledger theirs) {
        List<Difference> out = new ArrayList<>();
        Set<String> theyReceived = new HashSet<>(theirs.received().messageIds());
        Set<String> weSent = new HashSet<>(ours.sent().messageIds());
        for (String id : ours.sent().messageIds()) {
            if (!theyReceived.contains(id)) {
                out.add(new Difference("OUT", id, "本方已入队，对方未收到"));
            }
        }
        for (String id : theirs.received().messageIds()) {
            if (!weSent.contains(id)) {
                out.add(new Difference("OUT", id, "对方收到，本方无发送记录"));
            }
        }
        Set<String> weReceived = new HashSet<>(ours.received().messageIds());
        Set<String> theySent = new HashSet<>(theirs.sent().messageIds());
        for (String id : theirs.sent().messageIds()) {
            if (!weReceived.contains(id)) {
                out.add(new Difference("IN", id, "对方已入队，本方未收到"));
            }
        }
        for (String id : ours.received().messageIds()) {
            if (!theySent.contains(id)) {
                out.add(new Difference("IN", id, "本方收到，对方无发送记录"));
            }
        }
        for (var e : ours.received().byState().entrySet()) {
            if (!e.getKey().equals("APPLIED")) {
                out.add(new Difference("IN", null, "本方收件中 " + e.getValue() + " 条处于 " + e.getKey()));
            }
        }
        for (var e : theirs.received().byState().entrySet()) {
            if (!e.getKey().equals("APPLIED")) {
                out.add(new Difference("OUT", null, "对方收件中 " + e.getValue() + " 条处于 " + e.getKey()));
            }
        }
        return out;
    }

    private DayLedger.Ledger fetch(Counterpart c, LocalDate day) throws Exception {
        // Our zone goes along (and is signed): the counterpart cuts the day where we do.
        String zone = calendar.zone().getId();
        String signed = "day=" + day + "&zone=" + zone;
        String timestamp = String.valueOf(System.currentTimeMillis());
        HttpRequest request = HttpRequest.newBuilder(URI.create(c.baseUrl().replaceAll("/+$", "")
                        + "/exchange/v1/reconciliation?day=" + URLEncoder.encode(day.toString(), StandardCharsets.UTF_8)
                        + "&zone=" + URLEncoder.encode(zone, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(60))
                .header("X-Exchange-From", properties.self())
                .header("X-Exchange-Timestamp", timestamp)
                .header("X-Exchange-Algorithm", c.algorithm().header())
                .header("X-Exchange-Signature", Signatures.sign(c.algorithm(), c.secret(), properties.self(), timestamp, signed))
                .GET().build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (response.statusCode() != 200) {
            throw new IllegalStateException("HTTP " + response.statusCode());
        }
        return json.readValue(response.body(), DayLedger.Ledger.class);
    }

    private static Map<String, Object> summary(DayLedger.Ledger l) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("sent", Map.of("count", l.sent().count(), "byType", l.sent().byType(), "byState", l.sent().byState()));
        m.put("received", Map.of("count", l.received().count(), "byType", l.received().byType(),
                "byState", l.received().byState()));
        return m;
    }
}
