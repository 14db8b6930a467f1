package org.openhotline.shared.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers 503 (RFC 9457, Chinese, Retry-After) when the database goes away under a filter rather than a controller —
 * the session repository's read or save, the security chain's — where the controllers' {@code ProblemAnswers} never
 * sees it and Tomcat's error page (itself needing the session) failed too. First in the chain so it wraps them all.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class DatabaseOutageFilter extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(DatabaseOutageFilter.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | RuntimeException e) {
            if (!DatabaseOutage.is(e) || response.isCommitted()) {
                throw e;
            }
            log.warn("{} {}: the database is away ({}); answered 503", request.getMethod(), request.getRequestURI(),
                    e.getMessage());
            response.resetBuffer();
            response.setHeader("Retry-After", "2");
            ProblemResponses.write(response, 503, "database", DatabaseOutage.DETAIL);
        }
    }
}
