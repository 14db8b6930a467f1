package org.openhotline.operations.internal.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.openhotline.operations.internal.alarms.AlarmRule;
import org.openhotline.operations.internal.alarms.AlarmRules;
import org.openhotline.operations.internal.health.Health;
import org.openhotline.operations.internal.health.Measure;
import org.openhotline.operations.internal.health.Samples;
import org.openhotline.shared.DomainException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The live health of every part, judged against the alarm rules, and each measure's trend. */
@RestController
@RequestMapping("/api/ops/health")
@Tag(name = "运维监控", description = "各部件实时健康状态与趋势")
class HealthController {

    private final Health health;
    private final AlarmRules rules;
    private final Samples samples;
    private final Clock clock;

    HealthController(Health health, AlarmRules rules, Samples samples, Clock clock) {
        this.health = health;
        this.rules = rules;
        this.samples = samples;
        this.clock = clock;
    }

    /** OK: no rule breached; otherwise the worst breached rule's severity; UNKNOWN: not measurable here. */
    record MeasureState(String metric, String subject, String label, Double value, String unit, String detail, String state,
                        String rule) {}

    record Part(String name, String state, List<MeasureState> measures) {}

    record Answer(Instant at, String state, List<Part> parts) {}

    @GetMapping
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "各部件健康状态（数据库、磁盘、语音中继与话机、媒体端口、事件与队列、证书、备份）")
    Answer health() {
        Health.Reading reading = health.read();
        List<AlarmRule> enabled = rules.enabled();
        Map<String, List<MeasureState>> byPart = new LinkedHashMap<>();
        for (Measure m : reading.measures()) {
            String state = m.value() == null ? "UNKNOWN" : "OK";
            String rule = null;
            if (m.value() != null) {
                for (AlarmRule r : enabled) {
                    if (r.metric().equals(m.metric()) && r.breachedBy(m.value()) && worse(r.severity().name(), state)) {
                        state = r.severity().name();
                        rule = r.name();
                    }
                }
            }
            byPart.computeIfAbsent(m.part(), k -> new ArrayList<>())
                    .add(new MeasureState(m.metric(), m.subject(), m.label(), m.value(), m.unit(), m.detail(), state, rule));
        }
        List<Part> parts = new ArrayList<>();
        String overall = "OK";
        for (var e : byPart.entrySet()) {
            String s = "OK";
            for (MeasureState m : e.getValue()) {
                if (!"UNKNOWN".equals(m.state()) && worse(m.state(), s)) s = m.state();
            }
            parts.add(new Part(e.getKey(), s, e.getValue()));
            if (worse(s, overall)) overall = s;
        }
        return new Answer(reading.at(), overall, parts);
    }

    private static final List<String> ORDER = List.of("CRITICAL", "MAJOR", "MINOR", "OK", "UNKNOWN");

    private static boolean worse(String a, String b) {
        return ORDER.indexOf(a) < ORDER.indexOf(b);
    }

    @GetMapping("/trend")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "某项指标的趋势（每分钟采样，最多 35 天）")
    List<Samples.Point> trend(@RequestParam String metric, @RequestParam(defaultValue = "") String subject,
                              @RequestParam(defaultValue = "24") int hours) {
        if (metric.length() > 60 || subject.length() > 120) {
            throw DomainException.badRequest("指标名称过长");
        }
        if (hours < 1 || hours > 24 * 35) {
            throw DomainException.badRequest("时间范围应在 1 到 840 小时之间");
        }
        Instant now = clock.instant();
        return samples.trend(metric, subject, now.minus(Duration.ofHours(hours)), now);
    }
}
