package org.openhotline.notification.internal.sms;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code hotline.sms.*} (environment {@code HOTLINE_SMS_*}). {@code gateway} is {@code none} (messages wait in the
 * outbox, visible on the screen, until a gateway is configured), {@code cmpp} or {@code http}.
 */
@ConfigurationProperties("hotline.sms")
public record SmsProperties(String gateway, String hotlineNumber, String signature, String queryUrl,
                            int maxPerNumberPerHour, int maxAttempts, Duration firstRetry, int batchSize,
                            Duration poll, List<String> receiptChannels, List<String> surveyChannels,
                            Cmpp cmpp, Http http) {

    public SmsProperties {
        gateway = gateway == null || gateway.isBlank() ? "none" : gateway.trim().toLowerCase(java.util.Locale.ROOT);
        hotlineNumber = hotlineNumber == null ? "12345" : hotlineNumber;
        signature = signature == null ? "【12345热线】" : signature;
        queryUrl = queryUrl == null ? "" : queryUrl;
        maxPerNumberPerHour = maxPerNumberPerHour <= 0 ? 10 : maxPerNumberPerHour;
        maxAttempts = maxAttempts <= 0 ? 8 : maxAttempts;
        firstRetry = firstRetry == null ? Duration.ofSeconds(30) : firstRetry;
        batchSize = batchSize <= 0 ? 100 : batchSize;
        poll = poll == null ? Duration.ofSeconds(1) : poll;
        receiptChannels = receiptChannels == null ? List.of("WEB", "APP", "WECHAT", "SMS", "EMAIL") : receiptChannels;
        surveyChannels = surveyChannels == null ? List.of("PHONE", "WEB", "APP", "WECHAT", "SMS", "EMAIL") : surveyChannels;
        cmpp = cmpp == null ? new Cmpp(null, 7890, "", "", "3", "", "", 16, Duration.ofSeconds(10), Duration.ofSeconds(30)) : cmpp;
        http = http == null ? new Http("", "", Duration.ofSeconds(10)) : http;
    }

    /** CMPP: the ISMG's address, the SP's id/secret, version 2 or 3, service id, SP number (Src_Id), window. */
    public record Cmpp(String host, int port, String spId, String secret, String version, String serviceId,
                       String srcId, int window, Duration responseTimeout, Duration activeTest) {
        public Cmpp {
            window = window <= 0 ? 16 : window;
            responseTimeout = responseTimeout == null ? Duration.ofSeconds(10) : responseTimeout;
            activeTest = activeTest == null ? Duration.ofSeconds(30) : activeTest;
        }
    }

    /** A generic HTTPS gateway: POST JSON to {@code url} with a bearer {@code token}. */
    public record Http(String url, String token, Duration timeout) {
        public Http {
            timeout = timeout == null ? Duration.ofSeconds(10) : timeout;
        }
    }
}
