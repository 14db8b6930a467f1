package org.openhotline.notification.internal.messages;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.openhotline.notification.internal.outbox.Outbox;
import org.openhotline.notification.internal.templates.Templates;
import org.openhotline.shared.Callers;
import org.openhotline.shared.Masking;
import org.openhotline.shared.PageResult;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.openhotline.shared.crypto.PersonalData;

/** SMS administration: templates, the message log (outbox with delivery status), incoming messages, opt-outs. */
@RestController
@RequestMapping("/api/notification/sms")
@Tag(name = "短信管理", description = "短信模板、发送记录与回执、上行短信、退订名单")
class SmsAdminController {

    private final Templates templates;
    private final OptOuts optOuts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    SmsAdminController(Templates templates, OptOuts optOuts, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.templates = templates;
        this.optOuts = optOuts;
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    @GetMapping("/templates")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "短信模板列表（含可用变量）")
    List<Templates.Template> templates() {
        return templates.all();
    }

    @PutMapping("/templates/{code}")
    @PreAuthorize("hasAuthority('business:config')")
    @Transactional
    @Operation(summary = "修改短信模板（版本号防并发覆盖，留审计）")
    Templates.Template save(@PathVariable String code, @Valid @RequestBody TemplateForm form) {
        StaffPrincipal who = Callers.required();
        Templates.Template saved = templates.save(code, form.body().strip(), form.enabled(), form.version(), who.username(),
                clock.instant());
        events.publishEvent(new SmsSettingChanged("sms.template-changed", "sms-template:" + code,
                Map.of("body", saved.body(), "enabled", saved.enabled())));
        return saved;
    }

    record TemplateForm(@NotBlank(message = "请填写模板内容") @Size(max = 300, message = "模板内容最长 300 个字") String body,
                        boolean enabled, @NotNull(message = "缺少版本号（version）：请刷新后重试") Integer version) {}

    record Message(long id, String purpose, String phone, String content, String state, int attempts, String lastError,
                   Long workOrderId, Instant createdAt, Instant sentAt, Instant reportedAt) {}

    @GetMapping("/messages")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "短信发送记录（状态：待发送、已发送、已送达、未送达、失败、已退订、超频）")
    PageResult<Message> messages(@RequestParam(required = false) String phone, @RequestParam(required = false) String state,
                                 @RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "20") int size) {
        boolean unmask = Callers.required().can("phone:unmask");
        String where = " where (cast(:phone as bytea) is null or phone_index = :phone)"
                + " and (cast(:state as varchar) is null or state = :state)";
        byte[] p = phone == null || phone.isBlank() ? null : PersonalData.phoneIndex(Outbox.normalize(phone.strip()));
        String s = state == null || state.isBlank() ? null : state.strip();
        int clamped = PageResult.clampSize(size);
        long total = jdbc.sql("select count(*) from ntf_outbox" + where).param("phone", p).param("state", s)
                .query(Long.class).single();
        List<Message> rows = jdbc.sql("""
                select id, purpose, phone, content, state, attempts, last_error, work_order_id, created_at, sent_at,
                       reported_at from ntf_outbox""" + where + " order by created_at desc, id desc limit :size offset :offset")
                .param("phone", p).param("state", s).param("size", clamped)
                .param("offset", PageResult.offset(page, clamped))
                .query((rs, n) -> new Message(rs.getLong(1), rs.getString(2),
                        unmask ? PersonalData.open(rs.getString(3)) : Masking.phone(PersonalData.open(rs.getString(3))), rs.getString(4), rs.getString(5),
                        rs.getInt(6), rs.getString(7), (Long) rs.getObject(8), instant(rs.getTimestamp(9)),
                        instant(rs.getTimestamp(10)), instant(rs.getTimestamp(11))))
                .list();
        return new PageResult<>(rows, total, page, clamped);
    }

    @GetMapping("/opt-outs")
    @PreAuthorize("hasAuthority('business:config')")
    @Operation(summary = "退订名单")
    List<OptOuts.OptOut> optOuts(@RequestParam(defaultValue = "1") int page, @RequestParam(defaultValue = "50") int size) {
        return optOuts.page(page, PageResult.clampSize(size));
    }

    @PostMapping("/opt-outs")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "加入退订名单")
    void addOptOut(@Valid @RequestBody OptOutForm form) {
        optOuts.add(form.phone(), "ADMIN");
    }

    @DeleteMapping("/opt-outs/{phone}")
    @PreAuthorize("hasAuthority('business:config')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "移出退订名单")
    void removeOptOut(@PathVariable String phone) {
        optOuts.remove(phone);
    }

    record OptOutForm(@NotBlank(message = "请填写手机号码") @Size(max = 30, message = "手机号码过长") String phone) {}

    private static Instant instant(java.sql.Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
