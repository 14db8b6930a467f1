package org.openhotline.identity.internal.sso;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openhotline.shared.Callers;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The security admin's SSO settings, and what the login page needs to know (public: whether to show the button). */
@RestController
@Tag(name = "统一身份认证")
class SsoController {

    private final SsoSettingsStore store;

    SsoController(SsoSettingsStore store) {
        this.store = store;
    }

    record LoginOptions(boolean sso, String label, String url) {}

    @GetMapping("/sso/options")
    @Operation(summary = "登录页：是否显示统一身份认证登录按钮（无需登录）")
    LoginOptions options() {
        SsoSettings s = store.current();
        return s.enabled() ? new LoginOptions(true, s.buttonLabel(), "/oauth2/authorization/" + SsoRegistrations.ID)
                : new LoginOptions(false, null, null);
    }

    /** Reached only when no redirect to the provider could be made (see {@code SsoLogin.Tolerant}). */
    @GetMapping("/oauth2/authorization/{registrationId}")
    @io.swagger.v3.oas.annotations.Hidden
    void unavailable(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        SsoLogin.redirectToLogin(request, response, store.current().enabled()
                ? "暂时无法连接统一身份认证服务，请稍后再试或联系管理员" : "本平台未启用统一身份认证");
    }

    @GetMapping("/api/identity/sso")
    @PreAuthorize("hasAuthority('security:policy')")
    @Operation(summary = "统一身份认证设置（不返回客户端密钥）")
    Map<String, Object> get() {
        return view(store.current());
    }

    record Form(@NotNull(message = "缺少版本号（version）") Integer version,
                boolean enabled,
                @Size(max = 300, message = "签发者地址最长 300 个字符") String issuerUri,
                @Size(max = 200, message = "客户端编号最长 200 个字符") String clientId,
                @Size(max = 300, message = "客户端密钥最长 300 个字符") String clientSecret,
                @Size(max = 200, message = "授权范围最长 200 个字符") String scopes,
                @Size(max = 60, message = "关联声明名称最长 60 个字符") String linkClaim,
                SsoSettings.LinkField linkField,
                @Size(max = 40, message = "按钮文字最长 40 个字符") String buttonLabel,
                Boolean localLoginAdminsOnly) {}

    @PutMapping("/api/identity/sso")
    @PreAuthorize("hasAuthority('security:policy')")
    @Operation(summary = "保存统一身份认证设置（客户端密钥留空则不变；留痕）")
    Map<String, Object> put(@Valid @RequestBody Form f) {
        SsoSettings saved = store.save(new SsoSettings(f.enabled(), blank(f.issuerUri()), blank(f.clientId()),
                blank(f.clientSecret()), f.scopes() == null ? "openid profile" : f.scopes(),
                f.linkClaim() == null || f.linkClaim().isBlank() ? "preferred_username" : f.linkClaim().strip(),
                f.linkField() == null ? SsoSettings.LinkField.USERNAME : f.linkField(),
                f.buttonLabel() == null || f.buttonLabel().isBlank() ? "统一身份认证登录" : f.buttonLabel().strip(),
                f.localLoginAdminsOnly() == null || f.localLoginAdminsOnly(), f.version()), Callers.required().username());
        return view(saved);
    }

    private static Map<String, Object> view(SsoSettings s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("enabled", s.enabled());
        m.put("issuerUri", s.issuerUri());
        m.put("clientId", s.clientId());
        m.put("clientSecretSet", s.clientSecret() != null && !s.clientSecret().isBlank());
        m.put("scopes", s.scopes());
        m.put("linkClaim", s.linkClaim());
        m.put("linkField", s.linkField().name());
        m.put("buttonLabel", s.buttonLabel());
        m.put("localLoginAdminsOnly", s.localLoginAdminsOnly());
        m.put("redirectPath", "/login/oauth2/code/" + SsoRegistrations.ID);
        m.put("version", s.version());
        return m;
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
