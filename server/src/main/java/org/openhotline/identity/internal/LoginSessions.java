package org.openhotline.identity.internal;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.openhotline.identity.AccountChanged;
import org.openhotline.identity.Role;
import org.openhotline.shared.MenuEntry;
import org.openhotline.shared.StaffPrincipal;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CsrfTokenRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.stereotype.Component;

/**
 * Opens the session of a login once every step has passed: a fresh session id (no fixation), a fresh CSRF token
 * (the one an attacker may have planted before login is worthless after), the idle timeout, and the policy's limit
 * of sessions per account — a login beyond it ends the account's oldest sessions, so the holder is never locked out
 * by a forgotten browser and a stolen session ends when the holder logs in again. Between the password and the
 * second factor the session holds only a {@link Pending} login, which opens nothing.
 */
@Component
class LoginSessions {

    static final String PENDING = "hotline.pendingLogin";
    static final Duration PENDING_TIMEOUT = Duration.ofMinutes(5);

    /** A password accepted, waiting for the second step; {@code failures} counts wrong codes in this session. */
    record Pending(StaffPrincipal principal, long idleSeconds, boolean enrol, boolean exempt, int failures)
            implements Serializable {}

    record Me(long id, String username, String displayName, long orgNodeId, List<RoleView> roles,
              List<String> permissions, List<MenuEntry> menu) {}

    record RoleView(String code, String label) {}

    private final SecurityContextRepository contexts;
    private final CsrfTokenRepository csrfTokens;
    private final List<MenuEntry.Contribution> menus;
    private final FindByIndexNameSessionRepository<? extends Session> sessions;
    private final SecurityPolicies policies;
    private final ApplicationEventPublisher events;

    LoginSessions(SecurityContextRepository contexts, CsrfTokenRepository csrfTokens, List<MenuEntry.Contribution> menus,
                  FindByIndexNameSessionRepository<? extends Session> sessions, SecurityPolicies policies,
                  ApplicationEventPublisher events) {
        this.contexts = contexts;
        this.csrfTokens = csrfTokens;
        this.menus = menus;
        this.sessions = sessions;
        this.policies = policies;
        this.events = events;
    }

    /** Keeps the accepted password in a short session of its own until the second step. */
    void hold(HttpServletRequest request, Pending pending) {
        HttpSession old = request.getSession(false);
        if (old != null) {
            old.invalidate(); // whoever was logged in here is not while the new login waits for its second step
        }
        HttpSession session = request.getSession(true);
        session.setMaxInactiveInterval((int) PENDING_TIMEOUT.toSeconds());
        session.setAttribute(PENDING, pending);
    }

    Pending pending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        return session == null ? null : (Pending) session.getAttribute(PENDING);
    }

    /** The pending login with one more wrong code. */
    void update(HttpServletRequest request, Pending pending) {
        request.getSession(true).setAttribute(PENDING, pending);
    }

    void forgetPending(HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.removeAttribute(PENDING);
        }
    }

    Me open(HttpServletRequest request, HttpServletResponse response, StaffPrincipal principal, Duration idle,
            boolean exempt) {
        HttpSession session = freshSession(request);
        session.removeAttribute(PENDING);
        session.setMaxInactiveInterval((int) idle.toSeconds());
        if (!exempt) {
            endOldest(principal, session.getId());
        }
        List<SimpleGrantedAuthority> authorities = new ArrayList<>();
        principal.permissions().forEach(p -> authorities.add(new SimpleGrantedAuthority(p)));
        principal.roles().forEach(r -> authorities.add(new SimpleGrantedAuthority("ROLE_" + r)));
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(principal, null, authorities));
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
        // The XSRF token rotates at login: a new token in the cookie, the old one refused from now on.
        var token = csrfTokens.generateToken(request);
        csrfTokens.saveToken(token, request, response);
        return me(principal);
    }

    private HttpSession freshSession(HttpServletRequest request) {
        if (request.getSession(false) != null) {
            request.changeSessionId(); // no session fixation: a fresh id at each step
        }
        return request.getSession(true);
    }

    /** Ends the oldest sessions of the account so that, with the new one, at most the policy's number remain. */
    private void endOldest(StaffPrincipal principal, String current) {
        int max = policies.current().maxSessions();
        if (max <= 0) {
            return;
        }
        var others = sessions.findByPrincipalName(principal.username()).values().stream()
                .filter(s -> !s.getId().equals(current))
                .sorted(Comparator.comparing(Session::getCreationTime).reversed()).toList();
        var ended = others.stream().skip(Math.max(0, max - 1)).map(Session::getId).toList();
        ended.forEach(sessions::deleteById);
        if (!ended.isEmpty()) {
            events.publishEvent(new AccountChanged(principal.accountId(), principal.username(), "sessions-ended",
                    Map.of("count", ended.size(), "reason", "session-limit", "limit", max)));
        }
    }

    Me me(StaffPrincipal p) {
        // A screen open to several permissions is contributed once per permission; the menu shows it once.
        java.util.Set<String> paths = new java.util.HashSet<>();
        List<MenuEntry> visible = menus.stream().flatMap(c -> c.menuEntries().stream())
                .filter(m -> m.permission() == null || p.can(m.permission()))
                .sorted(Comparator.comparingInt(MenuEntry::order)).filter(m -> paths.add(m.path())).toList();
        List<RoleView> roles = p.roles().stream().map(Role::valueOf).sorted()
                .map(r -> new RoleView(r.name(), r.label())).toList();
        return new Me(p.accountId(), p.username(), p.displayName(), p.orgNodeId(), roles,
                p.permissions().stream().sorted().toList(), visible);
    }
}
