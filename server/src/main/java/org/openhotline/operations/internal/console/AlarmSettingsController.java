package org.openhotline.operations.internal.console;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.openhotline.operations.internal.OpsSettingChanged;
import org.openhotline.operations.internal.alarms.AlarmChannels;
import org.openhotline.operations.internal.alarms.AlarmRule;
import org.openhotline.operations.internal.alarms.AlarmRules;
import org.openhotline.operations.internal.alarms.MailServer;
import org.openhotline.shared.Callers;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Alarm rules, where alarms are sent, and the SMTP server for alarm e-mails. */
@RestController
@RequestMapping("/api/ops")
@Tag(name = "告警设置", description = "告警规则、通知方式、邮件服务器")
class AlarmSettingsController {

    private final AlarmRules rules;
    private final AlarmChannels channels;
    private final MailServer mail;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    AlarmSettingsController(AlarmRules rules, AlarmChannels channels, MailServer mail, ApplicationEventPublisher events,
                            Clock clock) {
        this.rules = rules;
        this.channels = channels;
        this.mail = mail;
        this.events = events;
        this.clock = clock;
    }

    @GetMapping("/alarm-rules")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "告警规则")
    List<AlarmRule> rules() {
        return rules.all();
    }

    @PostMapping("/alarm-rules")
    @PreAuthorize("hasAuthority('ops:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "新增告警规则")
    AlarmRule create(@RequestBody AlarmRules.Form form) {
        AlarmRule r = rules.create(form, Callers.required().username(), clock.instant());
        events.publishEvent(new OpsSettingChanged("ops.alarm-rule-created", "ops-alarm-rule:" + r.id(), describe(r)));
        return r;
    }

    @PutMapping("/alarm-rules/{id}")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Transactional
    @Operation(summary = "修改告警规则（阈值、持续时间、级别、启停；版本号防并发覆盖）")
    AlarmRule save(@PathVariable long id, @RequestBody AlarmRules.Form form) {
        AlarmRule r = rules.save(id, form, Callers.required().username(), clock.instant());
        events.publishEvent(new OpsSettingChanged("ops.alarm-rule-changed", "ops-alarm-rule:" + id, describe(r)));
        return r;
    }

    private static Map<String, Object> describe(AlarmRule r) {
        return Map.of("metric", r.metric(), "comparison", r.comparison(), "threshold", r.threshold(),
                "durationSeconds", r.durationSeconds(), "severity", r.severity().name(), "enabled", r.enabled());
    }

    @GetMapping("/alarm-channels")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "告警通知方式（邮件、Webhook、短信）")
    List<AlarmChannels.Channel> channels() {
        return channels.all();
    }

    @PostMapping("/alarm-channels")
    @PreAuthorize("hasAuthority('ops:manage')")
    @ResponseStatus(HttpStatus.CREATED)
    @Transactional
    @Operation(summary = "新增通知方式")
    AlarmChannels.Channel createChannel(@RequestBody AlarmChannels.Form form) {
        var c = channels.create(form);
        events.publishEvent(new OpsSettingChanged("ops.alarm-channel-created", "ops-alarm-channel:" + c.id(),
                Map.of("kind", c.kind(), "target", c.target())));
        return c;
    }

    @PutMapping("/alarm-channels/{id}")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Transactional
    @Operation(summary = "修改通知方式")
    AlarmChannels.Channel saveChannel(@PathVariable long id, @RequestBody AlarmChannels.Form form) {
        var c = channels.save(id, form);
        events.publishEvent(new OpsSettingChanged("ops.alarm-channel-changed", "ops-alarm-channel:" + id,
                Map.of("kind", c.kind(), "target", c.target(), "enabled", c.enabled())));
        return c;
    }

    @DeleteMapping("/alarm-channels/{id}")
    @PreAuthorize("hasAuthority('ops:manage')")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "删除通知方式")
    void deleteChannel(@PathVariable long id) {
        channels.delete(id);
        events.publishEvent(new OpsSettingChanged("ops.alarm-channel-deleted", "ops-alarm-channel:" + id, Map.of()));
    }

    record MailView(String host, int port, boolean ssl, String username, boolean passwordSet, String sender, int version) {}

    @GetMapping("/mail-server")
    @PreAuthorize("hasAuthority('ops:view')")
    @Operation(summary = "告警邮件服务器（不返回密码）")
    MailView mailServer() {
        var s = mail.settings();
        return new MailView(s.host(), s.port(), s.ssl(), s.username(), !s.password().isEmpty(), s.sender(), s.version());
    }

    @PutMapping("/mail-server")
    @PreAuthorize("hasAuthority('ops:manage')")
    @Transactional
    @Operation(summary = "修改告警邮件服务器（密码留空则不变）")
    MailView saveMailServer(@RequestBody MailServer.Settings settings) {
        mail.save(settings);
        events.publishEvent(new OpsSettingChanged("ops.mail-server-changed", "ops-mail-server",
                Map.of("host", settings.host() == null ? "" : settings.host(), "port", settings.port())));
        return mailServer();
    }
}
