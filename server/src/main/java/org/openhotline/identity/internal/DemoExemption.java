package org.openhotline.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * While demo data is on ({@code hotline.demo.enabled}), the demo accounts log in with the printed password alone:
 * no second factor, no change at first login, no expiry, no inactivity lock, no session limit. A newcomer's first
 * look would otherwise start with an authenticator app. Production runs with demo off, and then nobody is exempt.
 */
@Component
class DemoExemption {

    private final boolean demo;

    DemoExemption(@Value("${hotline.demo.enabled:false}") boolean demo) {
        this.demo = demo;
    }

    boolean appliesTo(Account account) {
        return demo && account.demo();
    }
}
