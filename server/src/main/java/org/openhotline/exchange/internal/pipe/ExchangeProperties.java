package org.openhotline.exchange.internal.pipe;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code hotline.exchange.*}: who this installation is ({@code role} CITY or PROVINCE, {@code self} the code the
 * counterparts know it by), the counterparts seeded on start (the screen edits them afterwards), which
 * counterpart each forward target of the order form means, the sender's pacing, and how many received messages
 * share one transaction when they are applied ({@code apply-batch}).
 */
@ConfigurationProperties("hotline.exchange")
public record ExchangeProperties(@DefaultValue("CITY") Role role, @DefaultValue("JZ") String self,
                                 @DefaultValue("江州市12345") String selfName,
                                 @DefaultValue List<Seed> counterparts,
                                 @DefaultValue Map<String, String> platforms,
                                 @DefaultValue("PT0.5S") Duration pollInterval,
                                 @DefaultValue("PT1S") Duration firstBackoff,
                                 @DefaultValue("PT60S") Duration maxBackoff,
                                 @DefaultValue("200") int batchSize,
                                 @DefaultValue("8") int maxApplyAttempts,
                                 @DefaultValue("50") int applyBatch) {

    public enum Role { CITY, PROVINCE }

    /** A counterpart as configured; {@code kind} PROVINCE, CITY, POLICE_110 or EVALUATION. */
    public record Seed(String code, String name, String kind, String baseUrl, String secret,
                       @DefaultValue("HMAC-SHA256") String algorithm) {}
}
