package org.openhotline.testing;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Registered by {@link HotlineTest}: the shared {@link TestClock} reads real time when a test starts and again as soon
 * as it ends. Tests still reset the clock they move; this keeps one that forgets (or fails before its reset) from
 * handing a moved clock to the next test, and keeps the gap between two tests, when background jobs and late SIP
 * legs still write, in real time.
 */
final class TestClockReset implements BeforeEachCallback, AfterEachCallback {

    @Override
    public void beforeEach(ExtensionContext context) {
        clock(context).reset();
    }

    @Override
    public void afterEach(ExtensionContext context) {
        clock(context).reset();
    }

    private static TestClock clock(ExtensionContext context) {
        return SpringExtension.getApplicationContext(context).getBean(TestClock.class);
    }
}
