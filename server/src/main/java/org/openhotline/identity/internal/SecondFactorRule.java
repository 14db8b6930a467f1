package org.openhotline.identity.internal;

import java.util.Set;
import org.openhotline.identity.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Who logs in with a second factor: every account that has enrolled an authenticator, and every account holding a
 * role of {@code hotline.security.mfa-roles} (default the three admin powers), which must enrol at its next login
 * before it gets a session. Accounts the security admin set to log in with an SMS code (by role or one by one, never
 * the admin powers) get a code by SMS instead, unless they enrolled an authenticator, which stays the stronger one.
 */
@Component
class SecondFactorRule {

    /** What the login asks for after the password. */
    enum Stage { NONE, CODE, ENROL, SMS }

    private final Set<Role> required;
    private final SecondFactors factors;
    private final DemoExemption demo;
    private final SmsFactorSettings sms;

    SecondFactorRule(@Value("${hotline.security.mfa-roles:SYS_ADMIN,SEC_ADMIN,AUDIT_ADMIN}") Set<Role> required,
                     SecondFactors factors, DemoExemption demo, SmsFactorSettings sms) {
        this.sms = sms;
        this.required = Set.copyOf(required);
        this.factors = factors;
        this.demo = demo;
    }

    boolean requiredFor(Account account) {
        return account.roles().stream().anyMatch(required::contains);
    }

    Stage stageOf(Account account) {
        if (demo.appliesTo(account)) {
            return Stage.NONE;
        }
        if (factors.enrolled(account.id())) {
            return Stage.CODE;
        }
        if (sms.requiredFor(account)) {
            return Stage.SMS;
        }
        return requiredFor(account) ? Stage.ENROL : Stage.NONE;
    }
}
