package org.openhotline.notification.internal.sms;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Where the generic HTTPS gateway pushes delivery reports ({@code type=report, msgId, stat}) and citizens' messages
 * ({@code type=mo, id, from, to, text}), authenticated by the same bearer token the platform sends it.
 */
@RestController
@Tag(name = "短信管理")
class HttpGatewayCallbackController {

    private final SmsProperties properties;
    private final SmsGateway.Inbound inbound;

    HttpGatewayCallbackController(SmsProperties properties, SmsGateway.Inbound inbound) {
        this.properties = properties;
        this.inbound = inbound;
    }

    record Push(@NotBlank(message = "缺少 type") @Size(max = 10) String type, @Size(max = 40) String msgId,
                @Size(max = 10) String stat, @Size(max = 100) String id, @Size(max = 30) String from,
                @Size(max = 30) String to, @Size(max = 2000, message = "短信内容过长") String text) {}

    @PostMapping(HttpGatewaySecurity.PATH)
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "HTTPS 短信网关回调：状态报告与上行短信（Bearer 令牌）")
    void push(@RequestHeader(name = "Authorization", required = false) String authorization, @Valid @RequestBody Push p) {
        String token = properties.http().token();
        if (!"http".equals(properties.gateway()) || token == null || token.isBlank() || authorization == null
                || !MessageDigest.isEqual(("Bearer " + token).getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw DomainException.forbidden("短信网关令牌不正确");
        }
        switch (p.type()) {
            case "report" -> {
                if (p.msgId() == null || p.stat() == null) {
                    throw DomainException.invalid("状态报告缺少 msgId 或 stat");
                }
                inbound.report(p.msgId(), p.stat(), "DELIVRD".equals(p.stat()));
            }
            case "mo" -> {
                if (p.id() == null || p.from() == null || p.text() == null) {
                    throw DomainException.invalid("上行短信缺少 id、from 或 text");
                }
                inbound.received(p.from(), p.to(), p.text(), "http:" + p.id());
            }
            default -> throw DomainException.invalid("type 只能是 report 或 mo");
        }
    }
}
