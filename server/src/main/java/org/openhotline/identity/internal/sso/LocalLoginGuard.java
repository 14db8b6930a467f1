package org.openhotline.identity.internal.sso;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * While SSO is on and the security admin keeps password login for the admins only, a password login of anyone else
 * is refused (403) before the password is even checked — for every other username, existing or not, so the refusal
 * tells nothing about which accounts exist. A filter, so the login itself needs no change.
 */
@Component
class LocalLoginGuard extends OncePerRequestFilter {

    private static final int MAX_BODY = 16 * 1024;

    private final SsoSettingsStore settings;
    private final SsoAccounts accounts;
    private final JsonMapper json;

    LocalLoginGuard(SsoSettingsStore settings, SsoAccounts accounts, JsonMapper json) {
        this.settings = settings;
        this.accounts = accounts;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod()) && "/api/auth/login".equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        SsoSettings s = settings.current();
        if (!s.enabled() || !s.localLoginAdminsOnly()) {
            chain.doFilter(request, response);
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_BODY + 1);
        String username = null;
        try {
            JsonNode tree = json.readTree(body);
            username = tree.path("username").asString(null);
        } catch (RuntimeException e) {
            // not JSON: the login's own validation answers it
        }
        if (username != null && !username.isBlank() && !accounts.isAdmin(username)) {
            response.setStatus(403);
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setCharacterEncoding("UTF-8");
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "https://openhotline.org/problems/sso-required");
            problem.put("title", "请使用统一身份认证登录");
            problem.put("status", 403);
            problem.put("detail", "本平台已启用统一身份认证，请点击“" + s.buttonLabel() + "”登录（账号密码登录仅限系统管理员、安全管理员和审计管理员）");
            response.getWriter().write(json.writeValueAsString(problem));
            return;
        }
        chain.doFilter(new Replayed(request, body), response);
    }

    /** The request with its body readable again by the login controller. */
    private static final class Replayed extends HttpServletRequestWrapper {
        private final byte[] body;

        Replayed(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    // the login body is already in memory and read synchronously by the controller; nothing here is
                    // ever read asynchronously, so an async reader is a programming error, not a state to support
                    throw new UnsupportedOperationException("登录请求体只支持同步读取");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public java.io.BufferedReader getReader() {
            return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
