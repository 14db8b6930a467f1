package org.openhotline.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every work-order step must send the order's version back (a missing one is 400, a stale one 409). Fixtures that
 * drive an order step by step add the current one, as the screens do, unless the test sends its own.
 */
public final class StepVersions {

    private static final Pattern ORDER_STEP = Pattern.compile("^/api/work-orders/(\\d+)/");

    private StepVersions() {}

    /** The body with {@code version} added when the path is a step of one order and the body has none. */
    public static Object withCurrentVersion(JdbcClient jdbc, String path, Object body) {
        var m = ORDER_STEP.matcher(path);
        if (!m.find() || (body instanceof Map<?, ?> given && given.containsKey("version"))
                || (body != null && !(body instanceof Map<?, ?>))) {
            return body;
        }
        var withVersion = new HashMap<String, Object>();
        if (body != null) {
            ((Map<?, ?>) body).forEach((k, v) -> withVersion.put(String.valueOf(k), v));
        }
        withVersion.put("version", jdbc.sql("select version from work_order where id = ?")
                .param(Long.parseLong(m.group(1))).query(Integer.class).single());
        return withVersion;
    }
}
