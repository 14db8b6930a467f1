package org.openhotline.identity.internal.sso;

import java.util.List;
import org.openhotline.shared.DomainException;

/** How this platform signs staff in at the identity provider; {@code clientSecret} is never shown back. */
public record SsoSettings(boolean enabled, String issuerUri, String clientId, String clientSecret, String scopes,
                          String linkClaim, LinkField linkField, String buttonLabel, boolean localLoginAdminsOnly,
                          int version) {

    /** The account field the claim's value is looked up in. */
    public enum LinkField {
        USERNAME("username"), PHONE("phone"), AGENT_NO("agent_no");

        final String column;

        LinkField(String column) {
            this.column = column;
        }
    }

    public List<String> scopeList() {
        List<String> list = new java.util.ArrayList<>(List.of(scopes == null ? new String[0] : scopes.trim().split("[\\s,]+")));
        list.removeIf(String::isBlank);
        if (!list.contains("openid")) {
            list.addFirst("openid");
        }
        return list;
    }

    void checkUsable() {
        if (!enabled) {
            return;
        }
        if (issuerUri == null || !issuerUri.matches("https?://\\S+")) {
            throw DomainException.invalid("请填写身份提供方的签发者地址（issuer），如 https://idp.example.gov.cn/realms/city");
        }
        if (clientId == null || clientId.isBlank()) {
            throw DomainException.invalid("请填写本平台在身份提供方登记的客户端编号（client_id）");
        }
        if (linkClaim == null || !linkClaim.matches("[A-Za-z0-9_.:-]{1,60}")) {
            throw DomainException.invalid("关联声明名称只能包含字母、数字和 _ . : -，最长 60 个字符");
        }
    }
}
