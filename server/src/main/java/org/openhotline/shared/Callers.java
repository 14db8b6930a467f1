package org.openhotline.shared;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/** Reads the caller of the current request: the staff principal and the source IP address. */
public final class Callers {

    private Callers() {}

    public static Optional<StaffPrincipal> current() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof StaffPrincipal staff) {
            return Optional.of(staff);
        }
        return Optional.empty();
    }

    /** The caller, or a 401-style refusal when nobody is logged in (endpoints are secured, so rare). */
    public static StaffPrincipal required() {
        return current().orElseThrow(() -> new DomainException(
                org.springframework.http.HttpStatus.UNAUTHORIZED, "unauthenticated", "请先登录"));
    }

    public static String sourceIp() {
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attrs) {
            // Behind a reverse proxy, server.forward-headers-strategy=native makes this the client's address;
            // reading X-Forwarded-For here would let any caller forge the audited IP.
            return attrs.getRequest().getRemoteAddr();
        }
        return null;
    }
}
