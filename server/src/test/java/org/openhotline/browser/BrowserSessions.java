package org.openhotline.browser;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.springframework.test.context.junit.jupiter.SpringExtension;

/**
 * Gives a test method {@link BrowserSession} parameters (desktop size, on the port of the {@code @HotlineTest}
 * application), screenshots each of them into {@code target/screenshots/<Class>.<method>[-n].png} when the test
 * fails, and closes them afterwards. A test whose pages had an API answer ≥ 400 that it did not announce
 * ({@link BrowserSession#expectApiFailure}), a console error or an uncaught exception fails, even when its own
 * assertions passed: a screen that shows an error banner is not a working screen. Put it after
 * {@code @HotlineTest}: {@code @ExtendWith(BrowserSessions.class)}.
 */
public class BrowserSessions implements ParameterResolver, AfterTestExecutionCallback {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(BrowserSessions.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == BrowserSession.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        String port = SpringExtension.getApplicationContext(context).getEnvironment().getProperty("local.server.port");
        if (port == null) {
            throw new IllegalStateException("BrowserSession needs a @HotlineTest (a running server on a random port)");
        }
        BrowserSession session = BrowserSession.open(Integer.parseInt(port));
        sessions(context).add(session);
        return session;
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        List<BrowserSession> sessions = sessions(context);
        String name = context.getRequiredTestClass().getSimpleName() + "." + context.getRequiredTestMethod().getName();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < sessions.size(); i++) {
            for (String problem : sessions.get(i).problems()) {
                problems.add((sessions.size() > 1 ? "browser " + (i + 1) + ": " : "") + problem);
            }
        }
        boolean failed = context.getExecutionException().isPresent() || !problems.isEmpty();
        for (int i = 0; i < sessions.size(); i++) {
            BrowserSession session = sessions.get(i);
            try {
                if (failed) {
                    session.screenshot("failed-" + name + (sessions.size() > 1 ? "-" + (i + 1) : ""));
                }
            } catch (RuntimeException e) {
                context.publishReportEntry("screenshot failed", String.valueOf(e.getMessage()));
            } finally {
                session.close();
            }
        }
        sessions.clear();
        if (!problems.isEmpty()) {
            throw new AssertionError("the page had failed API calls or console errors:\n  " + String.join("\n  ", problems));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<BrowserSession> sessions(ExtensionContext context) {
        return context.getStore(NS).computeIfAbsent("sessions", k -> new ArrayList<BrowserSession>(), List.class);
    }
}
