package org.openhotline.channels.internal.portal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openhotline.shared.DomainException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The portal's writes that need a captcha: captchas, SMS codes, phone confirmation, submitting an appeal. */
@RestController
@RequestMapping("/api/portal")
@Tag(name = "市民门户", description = "公开接口（无需登录）：图形验证码、短信验证码、提交诉求")
class PortalController {

    private final Captchas captchas;
    private final PhoneCodes phones;
    private final RateLimits limits;
    private final PortalAppeals appeals;

    PortalController(Captchas captchas, PhoneCodes phones, RateLimits limits, PortalAppeals appeals) {
        this.captchas = captchas;
        this.phones = phones;
        this.limits = limits;
        this.appeals = appeals;
    }

    @GetMapping("/captcha")
    @Operation(summary = "获取算术图形验证码（一次有效，5 分钟内）")
    Captchas.Captcha captcha(HttpServletRequest request) {
        limits.hit("captcha-ip:" + request.getRemoteAddr(), appeals.settings().captchasPerAddressPerMinute(),
                Duration.ofMinutes(1), "请求过于频繁，请稍后再试");
        return captchas.issue();
    }

    @PostMapping("/sms-codes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "发送短信验证码（需图形验证码；每个号码每小时有限次）")
    SmsCodeSent smsCode(@Valid @RequestBody SmsCodeForm form) {
        limits.hit("sms-phone:" + form.phone(), appeals.settings().smsCodesPerPhonePerHour(), Duration.ofHours(1),
                "该手机号获取验证码过于频繁，请稍后再试");
        captchas.verify(form.captchaId(), form.captchaAnswer());
        return new SmsCodeSent(phones.send(form.phone(), form.purpose()));
    }

    @PostMapping("/phone-tokens")
    @Operation(summary = "校验短信验证码，换取 30 分钟有效的手机凭证")
    PhoneToken confirm(@Valid @RequestBody ConfirmForm form) {
        return new PhoneToken(phones.confirm(form.requestId(), form.phone(), form.code()), PhoneCodes.TOKEN_LIFETIME.toSeconds());
    }

    @PostMapping(path = "/appeals", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "提交诉求（appeal 为 JSON，photos 为图片，最多 5 张）；返回工单编号与查询码（201）；"
            + "以同一 Idempotency-Key 重试时返回首次的回执（200，replayed=true）")
    org.springframework.http.ResponseEntity<PortalAppeals.Receipt> submit(@Valid @RequestPart("appeal") AppealForm appeal,
                                 @RequestPart(name = "photos", required = false) List<MultipartFile> photos,
                                 @RequestHeader(name = "X-Phone-Token", required = false) String phoneToken,
                                 @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                 HttpServletRequest request) {
        if (key != null && key.length() > 100) {
            throw DomainException.badRequest("Idempotency-Key 最长 100 个字符");
        }
        PortalAppeals.Receipt receipt = appeals.submit(appeal, photos, phoneToken, request.getRemoteAddr(), key);
        return org.springframework.http.ResponseEntity.status(receipt.replayed() ? HttpStatus.OK : HttpStatus.CREATED)
                .body(receipt);
    }

    static final String PHONE = "^1[3-9][0-9]{9}$";

    record SmsCodeForm(@NotBlank(message = "请填写手机号") @Pattern(regexp = PHONE, message = "请填写正确的 11 位手机号") String phone,
                       @NotNull(message = "请选择验证用途") PhoneCodes.Purpose purpose,
                       UUID captchaId, Integer captchaAnswer) {}

    record SmsCodeSent(UUID requestId) {}

    record ConfirmForm(@NotNull(message = "缺少验证码请求编号") UUID requestId,
                       @NotBlank(message = "请填写手机号") @Pattern(regexp = PHONE, message = "请填写正确的 11 位手机号") String phone,
                       @NotBlank(message = "请填写短信验证码") @Size(max = 10, message = "短信验证码不正确") String code) {}

    record PhoneToken(String token, long expiresInSeconds) {}

    /** The appeal as the citizen fills it in; the intake checks category and region. */
    record AppealForm(@Pattern(regexp = "^$|CONSULTATION|HELP|COMPLAINT|REPORT|SUGGESTION|PRAISE|OTHER",
                              message = "诉求类型不正确") String appealType,
                      Long categoryId, Long regionId,
                      @Size(max = 200, message = "详细地址最长 200 个字") String address,
                      @Size(max = 100, message = "标题最长 100 个字") String title,
                      @NotBlank(message = "请填写诉求内容") @Size(min = 10, max = 2000, message = "诉求内容请填写 10–2000 个字") String content,
                      @Size(max = 50, message = "姓名最长 50 个字") String name,
                      @Pattern(regexp = "^$|" + PHONE, message = "请填写正确的 11 位手机号") String phone,
                      Boolean anonymous, Boolean follow,
                      UUID captchaId, Integer captchaAnswer) {}
}
