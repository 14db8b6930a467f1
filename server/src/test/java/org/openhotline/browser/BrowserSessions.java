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
 * fails, and closes them afterwards. Put it after {@code @HotlineTest}: {@code @ExtendWith(BrowserSessions.class)}.
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
        for (int i = 0; i < sessions.size(); i++) {
            BrowserSession session = sessions.get(i);
            try {
                if (context.getExecutionException().isPresent()) {
                    session.screenshot("failed-" + name + (sessions.size() > 1 ? "-" + (i + 1) : ""));
                }
            } catch (RuntimeException e) {
                context.publishReportEntry("screenshot failed", String.valueOf(e.getMessage()));
            } finally {
                session.close();
            }
        }
        sessions.clear();
    }

    @SuppressWarnings("unchecked")
    private static List<BrowserSession> sessions(ExtensionContext context) {
        return context.getStore(NS).computeIfAbsent("sessions", k -> new ArrayList<BrowserSession>(), List.class);
    }
}
