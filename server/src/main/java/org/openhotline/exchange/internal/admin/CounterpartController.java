package org.openhotline.exchange.internal.admin;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import org.openhotline.exchange.ExchangeEvents.CounterpartChanged;
import org.openhotline.exchange.internal.pipe.Counterpart;
import org.openhotline.exchange.internal.pipe.Counterparts;
import org.openhotline.exchange.internal.pipe.OutboxSender;
import org.openhotline.exchange.internal.pipe.Signatures;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The counterparts: address, algorithm and key (write-only: the key is never shown again). */
@RestController
@RequestMapping("/api/exchange/counterparts")
@Tag(name = "数据交换监控")
class CounterpartController {

    private final JdbcClient jdbc;
    private final Counterparts counterparts;
    private final OutboxSender sender;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    CounterpartController(JdbcClient jdbc, Counterparts counterparts, OutboxSender sender,
                          ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.counterparts = counterparts;
        this.sender = sender;
        this.events = events;
        this.clock = clock;
    }

    record View(String code, String name, String kind, String kindLabel, String baseUrl, String algorithm, boolean enabled) {}

    @GetMapping
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "对接平台列表（不含密钥）")
    List<View> list() {
        return counterparts.all().stream().map(c -> new View(c.code(), c.name(), c.kind().name(), c.kind().label(),
                c.baseUrl(), c.algorithm().header(), c.enabled())).toList();
    }

    record Form(@NotBlank(message = "请填写名称") @Size(max = 100, message = "名称最长 100 个字符") String name,
                @NotBlank(message = "请选择平台类型")
                @Pattern(regexp = "PROVINCE|CITY|POLICE_110|EVALUATION", message = "平台类型不正确") String kind,
                @Size(max = 300, message = "地址最长 300 个字符")
                @Pattern(regexp = "^$|https?://.+", message = "地址须以 http:// 或 https:// 开头") String baseUrl,
                @Size(min = 16, max = 200, message = "密钥长度须为 16 到 200 个字符") String secret,
                @NotBlank(message = "请选择签名算法")
                @Pattern(regexp = "HMAC-SHA256|HMAC-SM3", message = "签名算法只能是 HMAC-SHA256 或 HMAC-SM3") String algorithm,
                boolean enabled) {}

    @PutMapping("/{code}")
    @PreAuthorize("hasAuthority('config:manage')")
    @Operation(summary = "新增或修改对接平台（密钥留空表示不修改；新增时必填）")
    @Transactional
    View save(@PathVariable @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "平台代码只能是 1–40 位字母、数字、_ 或 -") String code,
              @Valid @RequestBody Form f) {
        boolean exists = counterparts.find(code).isPresent();
        boolean keyChanged = f.secret() != null && !f.secret().isBlank();
        if (!exists && !keyChanged) {
            throw org.openhotline.shared.DomainException.invalid("新增对接平台时请填写密钥");
        }
        String url = f.baseUrl() == null || f.baseUrl().isBlank() ? null : f.baseUrl().strip();
        jdbc.sql("""
                insert into ex_counterpart (code, name, kind, base_url, secret, algorithm, enabled, updated_at)
                values (:code, :name, :kind, :url, :secret, :alg, :enabled, :now)
                on conflict (code) do update set name = excluded.name, kind = excluded.kind, base_url = excluded.base_url,
                       secret = case when :keyChanged then excluded.secret else ex_counterpart.secret end,
                       algorithm = excluded.algorithm, enabled = excluded.enabled, updated_at = excluded.updated_at""")
                .param("code", code).param("name", f.name().strip()).param("kind", f.kind()).param("url", url)
                .param("secret", keyChanged ? f.secret() : "").param("alg", f.algorithm()).param("enabled", f.enabled())
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("keyChanged", keyChanged)
                .update();
        events.publishEvent(new CounterpartChanged(code, url, f.algorithm(), f.enabled(), keyChanged));
        counterparts.reload();
        sender.wake(code);
        Counterpart c = counterparts.require(code);
        return new View(c.code(), c.name(), c.kind().name(), c.kind().label(), c.baseUrl(), c.algorithm().header(), c.enabled());
    }

    static Signatures.Algorithm algorithm(String header) {
        return Signatures.Algorithm.ofHeader(header);
    }
}
