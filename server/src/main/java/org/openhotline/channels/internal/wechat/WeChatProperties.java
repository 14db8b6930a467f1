package org.openhotline.channels.internal.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.wechat.*} ({@code HOTLINE_WECHAT_*}): the token and EncodingAESKey set in the official account's
 * server settings, its AppID and AppSecret, and the API host (a proxy or a test stand-in may replace it).
 */
@ConfigurationProperties("hotline.wechat")
record WeChatProperties(String token, String appId, String secret, String aesKey, String apiBase) {

    WeChatProperties {
        token = token == null ? "" : token;
        appId = appId == null ? "" : appId;
        secret = secret == null ? "" : secret;
        aesKey = aesKey == null ? "" : aesKey;
        apiBase = apiBase == null || apiBase.isBlank() ? "https://api.weixin.qq.com" : apiBase.replaceAll("/+$", "");
    }

    boolean configured() {
        return !token.isBlank();
    }
}
