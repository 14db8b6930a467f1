package org.openhotline.exchange.internal.pipe;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.openhotline.shared.DomainException;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The counterparts, from {@code ex_counterpart}: seeded from the configuration when missing, edited on the screen
 * afterwards. Kept in memory too, because every work-order step asks whether anyone wants to hear of it.
 */
@Component
public class Counterparts {

    private final JdbcClient jdbc;
    private final ExchangeProperties properties;
    private final Clock clock;
    private volatile Map<String, Counterpart> byCode = Map.of();

    Counterparts(JdbcClient jdbc, ExchangeProperties properties, Clock clock) {
        this.jdbc = jdbc;
        this.properties = properties;
        this.clock = clock;
        seed();
        reload();
    }

    private void seed() {
        for (ExchangeProperties.Seed s : properties.counterparts()) {
            jdbc.sql("""
                    insert into ex_counterpart (code, name, kind, base_url, secret, algorithm, enabled, updated_at)
                    values (?, ?, ?, ?, ?, ?, true, ?) on conflict (code) do nothing""")
                    .params(s.code(), s.name() == null ? s.code() : s.name(), Counterpart.Kind.valueOf(s.kind()).name(),
                            s.baseUrl(), s.secret(), Signatures.Algorithm.ofHeader(s.algorithm()).header(),
                            clock.instant().atOffset(java.time.ZoneOffset.UTC))
                    .update();
        }
    }

    public void reload() {
        Map<String, Counterpart> all = new ConcurrentHashMap<>();
        jdbc.sql("select * from ex_counterpart").query((rs, n) -> new Counterpart(rs.getString("code"),
                rs.getString("name"), Counterpart.Kind.valueOf(rs.getString("kind")), rs.getString("base_url"),
                rs.getString("secret"), Signatures.Algorithm.ofHeader(rs.getString("algorithm")),
                rs.getBoolean("enabled"))).list().forEach(c -> all.put(c.code(), c));
        byCode = Map.copyOf(all);
    }

    public Optional<Counterpart> find(String code) {
        return Optional.ofNullable(code == null ? null : byCode.get(code));
    }

    public Counterpart require(String code) {
        return find(code).orElseThrow(() -> DomainException.notFound("没有这个对接平台：" + code));
    }

    public List<Counterpart> all() {
        return byCode.values().stream().sorted(java.util.Comparator.comparing(Counterpart::code)).toList();
    }

    public List<Counterpart> enabled(Counterpart.Kind kind) {
        return all().stream().filter(Counterpart::enabled).filter(c -> c.kind() == kind).toList();
    }

    public boolean none() {
        return byCode.isEmpty();
    }

    /** The counterpart a forward to {@code platform} (PROVINCE, POLICE_110, OTHER_CITY) goes to, if configured. */
    public Optional<Counterpart> forPlatform(String platform) {
        String code = properties.platforms().get(platform);
        if (code != null) {
            return find(code).filter(Counterpart::enabled);
        }
        Counterpart.Kind kind = switch (platform) {
            case "PROVINCE" -> Counterpart.Kind.PROVINCE;
            case "POLICE_110" -> Counterpart.Kind.POLICE_110;
            case "OTHER_CITY" -> Counterpart.Kind.CITY;
            default -> null;
        };
        return kind == null ? Optional.empty() : enabled(kind).stream().findFirst();
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        reload();
    }
}
