package org.openhotline.identity.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.AccountChanged;
import org.openhotline.identity.Role;
import org.openhotline.shared.Callers;
import org.openhotline.shared.DomainException;
import org.openhotline.shared.MenuEntry;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Login, logout, "who am I" (with the menu the shell shows) and changing one's own password. */
@RestController
@RequestMapping("/api/auth")
@Tag(name = "登录与会话")
class AuthController {

    static final String BAD_CREDENTIALS = "用户名或密码错误";

    private final Logins logins;
    private final LoginSessions loginSessions;
    private final AccountAdministration administration;
    private final ApplicationEventPublisher events;
    private final LoginThrottle throttle;
    private final SmsCodes smsCodes;
    private final Accounts accounts;

    AuthController(Logins logins, LoginSessions loginSessions, AccountAdministration administration,
                   ApplicationEventPublisher events, LoginThrottle throttle, SmsCodes smsCodes, Accounts accounts) {
        this.smsCodes = smsCodes;
        this.accounts = accounts;
        this.throttle = throttle;
        this.logins = logins;
        this.loginSessions = loginSessions;
        this.administration = administration;
        this.events = events;
    }

    record LoginForm(@NotBlank(message = "请输入用户名") @Size(max = 50, message = "用户名最长 50 位") String username,
                     @NotBlank(message = "请输入密码") @Size(max = 128, message = "密码最长 128 位") String password) {}

    /**
     * The answer of the password step when a second factor follows: no session yet, only {@code secondFactor}
     * ({@code code}: send the authenticator's code or a recovery code to {@code POST /api/auth/second-factor};
     * {@code enrol}: bind an authenticator first, {@code POST /api/auth/second-factor/enrolment}; {@code sms}: a code
     * was sent by SMS to {@code phoneHint}, send it to {@code POST /api/auth/second-factor}, ask for another with
     * {@code POST /api/auth/second-factor/sms} after {@code retryAfterSeconds}).
     */
    record SecondFactorNeeded(String secondFactor, boolean enrolmentDue, String phoneHint, long retryAfterSeconds) {

        SecondFactorNeeded(String secondFactor, boolean enrolmentDue) {
            this(secondFactor, enrolmentDue, null, 0);
        }
    }

    @PostMapping("/login")
    @Operation(summary = "登录第一步：用户名与密码（同一账号连续失败 5 次锁定 15 分钟，提示与密码错误相同；同一来源地址 1 分钟内失败 20 次后 429）。"
            + "需要双因素时答 {secondFactor, enrolmentDue}，否则答当前用户")
    Object login(@Valid @RequestBody LoginForm form, HttpServletRequest request, HttpServletResponse response) {
        String address = request.getRemoteAddr();
        var wait = throttle.waitFor(address);
        if (wait.isPresent()) {
            long seconds = LoginThrottle.seconds(wait.get());
            response.setHeader("Retry-After", String.valueOf(seconds));
            throw new DomainException(HttpStatus.TOO_MANY_REQUESTS, "too-many-login-failures",
                    "登录失败次数过多，请 " + seconds + " 秒后再试").with("retryAfterSeconds", seconds);
        }
        var attempt = logins.attempt(form.username(), form.password(), address);
        if (attempt.isEmpty()) {
            throttle.failed(address);
            throw new DomainException(HttpStatus.UNAUTHORIZED, "bad-credentials", BAD_CREDENTIALS);
        }
        var granted = attempt.get();
        if (granted.secondFactor() == SecondFactorRule.Stage.SMS) {
            return smsStep(granted, request);
        }
        if (granted.secondFactor() != SecondFactorRule.Stage.NONE) {
            boolean enrol = granted.secondFactor() == SecondFactorRule.Stage.ENROL;
            loginSessions.hold(request, new LoginSessions.Pending(granted.principal(),
                    granted.idleTimeout().toSeconds(), enrol, granted.exempt(), 0));
            return new SecondFactorNeeded(enrol ? "enrol" : "code", enrol);
        }
        return loginSessions.open(request, response, granted.principal(), granted.idleTimeout(), granted.exempt());
    }

    /**
     * Holds the login and sends its SMS code. Logging in again within the minute sends no new code (the one sent
     * stays valid for 5 minutes) and says when another may be asked for.
     */
    private SecondFactorNeeded smsStep(Logins.Granted granted, HttpServletRequest request) {
        Account account = accounts.byId(granted.principal().accountId()).orElseThrow();
        long wait = SmsCodes.RESEND_AFTER.toSeconds();
        try {
            smsCodes.send(account);
        } catch (DomainException e) {
            if (e.status() != HttpStatus.TOO_MANY_REQUESTS) {
                throw e; // no number on file: nothing to wait for
            }
            wait = ((Number) e.properties().get("retryAfterSeconds")).longValue();
        }
        loginSessions.hold(request, new LoginSessions.Pending(granted.principal(), granted.idleTimeout().toSeconds(),
                false, granted.exempt(), 0));
        return new SecondFactorNeeded("sms", false, SmsCodes.mask(account.phone()), wait);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    @Operation(summary = "退出登录")
    void logout(HttpServletRequest request) {
        Callers.current().ifPresent(p -> events.publishEvent(
                new AccountChanged(p.accountId(), p.username(), "logout", Map.of())));
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
        SecurityContextHolder.clearContext();
    }

    @GetMapping("/me")
    @Operation(summary = "当前用户、角色、权限与菜单")
    LoginSessions.Me me() {
        return loginSessions.me(Callers.required());
    }

    record PasswordForm(@NotBlank(message = "请输入原密码") @Size(max = 128, message = "密码最长 128 位") String oldPassword,
                        @NotBlank(message = "请输入新密码") @Size(max = 128, message = "密码最长 128 位") String newPassword) {}

    @PostMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "修改本人密码")
    void changePassword(@Valid @RequestBody PasswordForm form) {
        administration.changeOwnPassword(Callers.required(), form.oldPassword(), form.newPassword());
    }
}
