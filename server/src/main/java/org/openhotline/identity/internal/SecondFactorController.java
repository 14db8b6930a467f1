package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.AccountChanged;
import org.openhotline.identity.LoginAttempted;
import org.openhotline.identity.internal.mfa.QrCodes;
import org.openhotline.identity.internal.mfa.RecoveryCodes;
import org.openhotline.identity.internal.mfa.Totp;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The login's second step and the authenticator's enrolment. Both work either for a pending login (password
 * accepted, no session yet) or for a logged-in user who turns the second factor on in 账号安全. Wrong codes count
 * as failed logins (the policy's lock applies), and five in one pending login end it. Accounts set to the SMS
 * factor send the code they received by SMS to the same second step, and may ask for a new one once a minute.
 */
@RestController
@RequestMapping("/api/auth/second-factor")
@Tag(name = "登录与会话")
class SecondFactorController {

    static final String ISSUER = "12345热线";
    static final int MAX_CODE_FAILURES = 5;

    private final LoginSessions loginSessions;
    private final SecondFactors factors;
    private final SecondFactorRule rule;
    private final Accounts accounts;
    private final SecurityPolicies policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final SmsCodes smsCodes;

    SecondFactorController(LoginSessions loginSessions, SecondFactors factors, SecondFactorRule rule, Accounts accounts,
                           SecurityPolicies policies, ApplicationEventPublisher events, Clock clock, SmsCodes smsCodes) {
        this.smsCodes = smsCodes;
        this.loginSessions = loginSessions;
        this.factors = factors;
        this.rule = rule;
        this.accounts = accounts;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    record CodeForm(@NotBlank(message = "请输入验证码") @Size(max = 20, message = "验证码最长 20 位") String code) {}

    @PostMapping
    @Transactional(noRollbackFor = DomainException.class)
    @Operation(summary = "登录第二步：身份验证器的 6 位动态码，或一个恢复码（每个只能用一次）；设为短信验证的账号填短信收到的 6 位验证码")
    LoginSessions.Me verify(@Valid @RequestBody CodeForm form, HttpServletRequest request, HttpServletResponse response) {
        var pending = pendingOrExpired(request);
        if (pending.enrol()) {
            throw DomainException.conflict("请先绑定身份验证器");
        }
        long id = pending.principal().accountId();
        boolean sms = accounts.byId(id).map(a -> rule.stageOf(a) == SecondFactorRule.Stage.SMS).orElse(false);
        var authenticator = sms ? null
                : factors.of(id).filter(SecondFactors.Authenticator::confirmed).orElseThrow(() -> expired());
        boolean ok;
        boolean recovery = !sms && RecoveryCodes.looksLikeOne(form.code());
        if (sms) {
            ok = smsCodes.verify(id, form.code());
        } else if (recovery) {
            ok = factors.spendRecoveryCode(id, form.code());
        } else {
            var step = Totp.verify(authenticator.secret(), form.code().trim(), clock.instant(), authenticator.lastStep());
            ok = step.isPresent() && factors.use(id, step.getAsLong());
        }
        String username = pending.principal().username();
        if (!ok) {
            SecurityPolicy policy = policies.current();
            Account account = accounts.byId(id).orElseThrow();
            boolean lockNow = account.failedLogins() + 1 >= policy.maxFailures();
            accounts.recordFailure(id, lockNow ? clock.instant().plus(Duration.ofMinutes(policy.lockMinutes())) : null);
            events.publishEvent(new LoginAttempted(username, lockNow ? "locked" : "second-factor-failed"));
            if (lockNow || pending.failures() + 1 >= MAX_CODE_FAILURES) {
                loginSessions.forgetPending(request);
            } else {
                loginSessions.update(request, new LoginSessions.Pending(pending.principal(), pending.idleSeconds(),
                        false, pending.exempt(), pending.failures() + 1));
            }
            throw new DomainException(HttpStatus.UNAUTHORIZED, "bad-second-factor", sms
                    ? "短信验证码错误或已失效，请输入最新收到的验证码，或重新获取"
                    : "验证码错误或已使用，请输入身份验证器上的最新验证码");
        }
        if (recovery) {
            events.publishEvent(new AccountChanged(id, username, "recovery-code-used",
                    Map.of("left", factors.recoveryCodesLeft(id))));
        }
        return open(request, response, pending);
    }

    record SmsSent(String phoneHint, long retryAfterSeconds) {}

    @PostMapping("/sms")
    @Transactional(noRollbackFor = DomainException.class)
    @Operation(summary = "登录第二步重新发送短信验证码（同一账号 1 分钟 1 条、1 小时 5 条，超出答 429 与 retryAfterSeconds）")
    SmsSent resendSms(HttpServletRequest request, HttpServletResponse response) {
        var pending = pendingOrExpired(request);
        Account account = accounts.byId(pending.principal().accountId()).orElseThrow(() -> expired());
        if (rule.stageOf(account) != SecondFactorRule.Stage.SMS) {
            throw DomainException.conflict("此账号不使用短信验证码登录");
        }
        try {
            smsCodes.send(account);
        } catch (DomainException e) {
            if (e.status() == HttpStatus.TOO_MANY_REQUESTS) {
                response.setHeader("Retry-After", String.valueOf(e.properties().get("retryAfterSeconds")));
            }
            throw e;
        }
        return new SmsSent(SmsCodes.mask(account.phone()), SmsCodes.RESEND_AFTER.toSeconds());
    }

    record Enrolment(String secret, String uri, String qrCode) {}

    @PostMapping("/enrolment")
    @Transactional
    @Operation(summary = "开始绑定身份验证器：答密钥、otpauth:// 地址与二维码（PNG data URI）")
    Enrolment startEnrolment(HttpServletRequest request) {
        StaffPrincipal who = holder(request);
        if (factors.enrolled(who.accountId())) {
            throw DomainException.conflict("已绑定身份验证器；如需更换请先解绑，或请系统管理员重置");
        }
        String secret = Totp.newSecret();
        factors.start(who.accountId(), secret);
        String uri = Totp.uri(ISSUER, who.username(), secret);
        return new Enrolment(secret, uri, QrCodes.dataUri(uri));
    }

    /** The recovery codes (shown this once) and, when the enrolment finished a login, who is now logged in. */
    record Enrolled(List<String> recoveryCodes, LoginSessions.Me me) {}

    @PostMapping("/enrolment/confirm")
    @Transactional
    @Operation(summary = "确认绑定：输入身份验证器显示的验证码；答 10 个恢复码（只显示这一次），登录中的绑定同时完成登录")
    Enrolled confirmEnrolment(@Valid @RequestBody CodeForm form, HttpServletRequest request, HttpServletResponse response) {
        StaffPrincipal who = holder(request);
        var authenticator = factors.of(who.accountId()).filter(a -> !a.confirmed())
                .orElseThrow(() -> DomainException.conflict("请先开始绑定身份验证器"));
        var step = Totp.verify(authenticator.secret(), form.code().trim(), clock.instant(), authenticator.lastStep());
        if (step.isEmpty() || !factors.use(who.accountId(), step.getAsLong())) {
            throw DomainException.invalid("验证码不正确，请检查手机时间并输入最新的验证码");
        }
        List<String> codes = RecoveryCodes.generate();
        factors.confirm(who.accountId(), codes);
        events.publishEvent(new AccountChanged(who.accountId(), who.username(), "second-factor-enrolled", Map.of()));
        var pending = loginSessions.pending(request);
        return new Enrolled(codes, pending == null ? null : open(request, response, pending));
    }

    record Status(boolean enrolled, boolean required, int recoveryCodesLeft) {}

    @GetMapping
    @Operation(summary = "本人的双因素认证状态")
    Status status() {
        StaffPrincipal me = loggedIn();
        Account account = accounts.byId(me.accountId()).orElseThrow();
        return new Status(factors.enrolled(me.accountId()), rule.requiredFor(account),
                factors.recoveryCodesLeft(me.accountId()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "解绑本人的身份验证器（本角色要求双因素时不允许）")
    void remove() {
        StaffPrincipal me = loggedIn();
        Account account = accounts.byId(me.accountId()).orElseThrow();
        if (rule.requiredFor(account)) {
            throw DomainException.conflict("您的角色要求双因素认证，不能解绑；更换手机请先绑定新验证器或请管理员重置");
        }
        if (factors.remove(me.accountId())) {
            events.publishEvent(new AccountChanged(me.accountId(), me.username(), "second-factor-removed", Map.of()));
        }
    }

    private LoginSessions.Me open(HttpServletRequest request, HttpServletResponse response, LoginSessions.Pending p) {
        StaffPrincipal principal = p.principal();
        accounts.recordSuccess(principal.accountId());
        boolean restricted = principal.can(Logins.CHANGE_PASSWORD_ONLY);
        events.publishEvent(new LoginAttempted(principal.username(), restricted ? "success-must-change" : "success"));
        return loginSessions.open(request, response, principal, Duration.ofSeconds(p.idleSeconds()), p.exempt());
    }

    /** The account of the pending login, or the logged-in user. */
    private StaffPrincipal holder(HttpServletRequest request) {
        var pending = loginSessions.pending(request);
        if (pending != null) {
            return pending.principal();
        }
        return loggedIn();
    }

    private static StaffPrincipal loggedIn() {
        return Callers.current().orElseThrow(SecondFactorController::expired);
    }

    private LoginSessions.Pending pendingOrExpired(HttpServletRequest request) {
        var pending = loginSessions.pending(request);
        if (pending == null && Callers.current().isPresent()) {
            // logged in already: the session stays as it is
            throw DomainException.conflict("当前没有等待验证的登录");
        }
        if (pending == null) {
            throw expired();
        }
        return pending;
    }

    private static DomainException expired() {
        return new DomainException(HttpStatus.UNAUTHORIZED, "login-expired", "登录已超时，请重新输入用户名和密码");
    }
}
