package org.openhotline.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.openhotline.testing.ApiClient;
import org.openhotline.testing.HotlineTest;
import org.openhotline.testing.RawHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every state-changing endpoint the running application maps gets a few hundred bad requests — wrong types, missing
 * fields, huge strings, NUL bytes, broken JSON, wrong content types, multipart without boundary, broken %-escapes,
 * out-of-range numbers, unknown enum values — from an account allowed to call it, with a valid CSRF token. None may
 * answer 5xx; every 4xx must be an RFC 9457 problem body in Chinese with nothing Java-shaped in it.
 *
 * <p>The randomness is seeded; the seed is printed, and {@code -Dfuzz.seed=…} replays a run
 * ({@code -Dfuzz.requests=…} sets the requests per endpoint). Requests name ids that do not exist and dates in
 * 2199, so that one which happens to pass changes nothing other tests own; endpoints whose success would change
 * the shared platform (logins, passwords, the security policy) only get requests that cannot be read at all.
 */
@HotlineTest
class RequestFuzzTest {

    /** Ending the session or rebuilding the search index is no input problem, and would disturb the run. */
    private static final Set<String> LEFT_OUT = Set.of("POST /api/auth/logout", "POST /api/knowledge/index/rebuild");

    /**
     * Would lock an account, throttle the test host's logins, change the policy, or — a body whose optional fields
     * were dropped — add a catch-all deadline rule, root category or synonym every other test would meet.
     */
    private static final Set<String> UNREADABLE_ONLY = Set.of("POST /api/auth/login", "POST /api/auth/password",
            "PUT /api/security/policy", "POST /api/calendar/time-limits", "POST /api/work-orders/categories",
            "POST /api/knowledge/synonyms");

    private static final List<String> ACCOUNTS = List.of("manager", "dispatcher1", "agent1", "teamleader1",
            "callback1", "supervisor1", "qc1", "kbeditor1", "zjj1", "sysadmin", "secadmin", "auditadmin", "leader");

    private static final List<String> JAVA_SHAPED = List.of("java.", "jakarta.", "Exception", "org.springframework",
            "tools.jackson", "com.fasterxml", "org.apache", "org.postgresql", "PSQL", " at org.", "Caused by");

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    private record Session(String cookie, String csrf) {}

    private record Failure(String endpoint, String what, int status, String answer) {
        @Override
        public String toString() {
            return endpoint + " ← " + what + "\n    → " + status + " " + FuzzJson.abbreviate(answer);
        }
    }

    @Test
    void badRequestsToEveryStateChangingEndpointGetAChineseProblemAndNever5xx() throws Exception {
        long seed = Long.getLong("fuzz.seed", System.currentTimeMillis());
        int perEndpoint = Integer.getInteger("fuzz.requests", 100);
        System.out.println("[fuzz] seed " + seed + " (replay with -Dfuzz.seed=" + seed + "), " + perEndpoint + " requests per endpoint");

        List<FuzzEndpoint> endpoints = stateChangingEndpoints();
        assertThat(endpoints).as("state-changing endpoints found").hasSizeGreaterThan(50);

        Map<String, Set<String>> permissions = new LinkedHashMap<>();
        Map<String, Session> sessions = new ConcurrentHashMap<>();
        for (String username : ACCOUNTS) {
            ApiClient client = ApiClient.loggedIn(port, username);
            Set<String> granted = new java.util.HashSet<>();
            var me = client.get("/api/auth/me").json();
            me.path("permissions").forEach(p -> granted.add(p.asString()));
            // hasRole / hasAnyRole name roles, not permissions: an account "holds" its role codes too.
            me.path("roles").forEach(r -> granted.add(r.path("code").asString()));
            permissions.put(username, granted);
            sessions.put(username, new Session(client.sessionCookieHeader(), client.csrfToken()));
        }
        // The phone bar acts on the caller's own seat: an agent of our own, in no skill group, takes no calls.
        ApiClient fuzzAgent = newAgent("fuzzagent" + Math.abs(seed % 100_000));
        sessions.put("fuzzagent", new Session(fuzzAgent.sessionCookieHeader(), fuzzAgent.csrfToken()));

        RawHttp http = new RawHttp(port);
        AtomicInteger requests = new AtomicInteger();
        Map<Integer, AtomicInteger> byStatus = new ConcurrentHashMap<>();
        List<Failure> failures = Collections.synchronizedList(new ArrayList<>());
        Map<String, AtomicInteger> accepted = new ConcurrentHashMap<>();
        long started = System.nanoTime();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<?>> runs = new ArrayList<>();
        for (int e = 0; e < endpoints.size(); e++) {
            FuzzEndpoint endpoint = endpoints.get(e);
            Session session = sessions.get(accountFor(endpoint, permissions));
            Random random = new Random(seed * 31 + endpoint.toString().hashCode());
            runs.add(pool.submit(() -> {
                BadRequests bad = new BadRequests(endpoint, random, UNREADABLE_ONLY.contains(endpoint.toString()));
                for (int i = 0; i < perEndpoint; i++) {
                    BadRequests.Request request = bad.next(i);
                    Map<String, String> headers = new LinkedHashMap<>(request.headers());
                    headers.put("Cookie", session.cookie() + "; XSRF-TOKEN=" + session.csrf());
                    headers.put("X-XSRF-TOKEN", session.csrf());
                    headers.putIfAbsent("Accept", "application/json, text/plain, */*");
                    RawHttp.Answer answer = http.send(endpoint.method(), request.target(), headers, request.body());
                    requests.incrementAndGet();
                    byStatus.computeIfAbsent(answer.status(), s -> new AtomicInteger()).incrementAndGet();
                    if (answer.status() < 300) {
                        accepted.computeIfAbsent(endpoint.toString(), k -> new AtomicInteger()).incrementAndGet();
                    }
                    String problem = judge(answer);
                    if (problem != null) {
                        failures.add(new Failure(endpoint.toString(), request.describe() + " [" + problem + "]",
                                answer.status(), answer.body()));
                    }
                }
            }));
        }
        for (Future<?> run : runs) {
            run.get();
        }
        pool.shutdown();
        long seconds = (System.nanoTime() - started) / 1_000_000_000;

        int total = requests.get();
        int fourXx = byStatus.entrySet().stream().filter(s -> s.getKey() >= 400 && s.getKey() < 500)
                .mapToInt(s -> s.getValue().get()).sum();
        int fiveXx = byStatus.entrySet().stream().filter(s -> s.getKey() >= 500).mapToInt(s -> s.getValue().get()).sum();
        Map<Integer, Integer> statuses = new TreeMap<>();
        byStatus.forEach((s, n) -> statuses.put(s, n.get()));
        System.out.printf("[fuzz] %d endpoints, %d requests in %d s: 4xx %d, 5xx %d, by status %s; seed %d%n",
                endpoints.size(), total, seconds, fourXx, fiveXx, statuses, seed);
        new TreeMap<>(accepted).forEach((endpoint, n) -> System.out.println("[fuzz] accepted: " + n + " × " + endpoint));
        failures.stream().collect(java.util.stream.Collectors.groupingBy(f -> f.status() + " " + f.what().split(" ")[0],
                TreeMap::new, java.util.stream.Collectors.counting()))
                .forEach((kind, n) -> System.out.println("[fuzz] failed: " + n + " × " + kind));
        failures.stream().limit(40).forEach(f -> System.out.println("[fuzz] " + f));

        assertThat(failures).as("bad requests answered with 5xx or without a Chinese problem body (seed " + seed + "), "
                + failures.size() + " in all; first ones:\n" + String.join("\n", failures.stream().limit(15)
                .map(Failure::toString).toList())).isEmpty();
        assertThat(ApiClient.loggedIn(port, "manager").get("/api/auth/me").status()).isEqualTo(200);
    }

    /** Null if the answer is acceptable for a bad request, else what is wrong with it. */
    private static String judge(RawHttp.Answer answer) {
        if (answer.status() >= 500) {
            return "server error";
        }
        if (answer.status() < 400) {
            return null; // a generated request that happened to be acceptable
        }
        if (answer.status() == 401) {
            return "logged out"; // the session must survive any bad request
        }
        if (!answer.contentType().startsWith("application/problem+json")) {
            return "content type " + answer.contentType();
        }
        String body = answer.body();
        for (String shape : JAVA_SHAPED) {
            if (body.contains(shape)) {
                return "mentions " + shape;
            }
        }
        if (!hasChinese(field(body, "title")) || !hasChinese(field(body, "detail"))) {
            return "title or detail without Chinese";
        }
        return null;
    }

    private static String field(String json, String name) {
        try {
            return tools.jackson.databind.json.JsonMapper.builder().build().readTree(json).path(name).asString();
        } catch (RuntimeException unreadable) {
            return "";
        }
    }

    private static boolean hasChinese(String text) {
        return text.codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private List<FuzzEndpoint> stateChangingEndpoints() {
        Set<RequestMethod> changing = Set.of(RequestMethod.POST, RequestMethod.PUT, RequestMethod.PATCH, RequestMethod.DELETE);
        List<FuzzEndpoint> found = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                for (RequestMethod method : info.getMethodsCondition().getMethods()) {
                    FuzzEndpoint endpoint = new FuzzEndpoint(method.name(), pattern, handler);
                    if (changing.contains(method) && pattern.startsWith("/api/") && !LEFT_OUT.contains(endpoint.toString())) {
                        found.add(endpoint);
                    }
                }
            }
        });
        found.sort(java.util.Comparator.comparing(FuzzEndpoint::toString));
        return found;
    }

    private static String accountFor(FuzzEndpoint endpoint, Map<String, Set<String>> permissions) {
        if (endpoint.pattern().startsWith("/api/callcenter/me/")) {
            return "fuzzagent";
        }
        List<String> needed = endpoint.authorities();
        for (var account : permissions.entrySet()) {
            boolean allowed = needed.isEmpty() || (endpoint.anyAuthority()
                    ? needed.stream().anyMatch(account.getValue()::contains)
                    : account.getValue().containsAll(needed));
            if (allowed) {
                return account.getKey();
            }
        }
        throw new AssertionError("no demo account may call " + endpoint + " (needs " + needed + ")");
    }

    private ApiClient newAgent(String username) {
        var sysadmin = ApiClient.loggedIn(port, "sysadmin");
        var secadmin = ApiClient.loggedIn(port, "secadmin");
        long city = jdbc.sql("select id from org_node where code = 'JZ'").query(Long.class).single();
        var account = sysadmin.post("/api/accounts", Map.of("username", username, "displayName", "模糊测试坐席",
                "orgNodeId", city, "password", ApiClient.DEMO_PASSWORD));
        assertThat(account.status()).as(account.body()).isEqualTo(201);
        var granted = secadmin.put("/api/accounts/" + account.json().path("id").asLong() + "/roles",
                Map.of("roles", List.of("AGENT"), "version", account.json().path("version").asInt()));
        assertThat(granted.status()).as(granted.body()).isEqualTo(200);
        return ApiClient.loggedIn(port, username);
    }

}
