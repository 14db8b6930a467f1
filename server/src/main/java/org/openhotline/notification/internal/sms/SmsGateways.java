package org.openhotline.notification.internal.sms;

import java.time.Clock;
import java.util.Optional;
import org.openhotline.notification.internal.cmpp.CmppGateway;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** The gateway {@code hotline.sms.gateway} names, built once; none when SMS is not configured. */
@Component
public class SmsGateways implements DisposableBean {

    private final SmsGateway gateway;

    SmsGateways(SmsProperties properties, Clock clock, SmsGateway.Inbound inbound) {
        this.gateway = switch (properties.gateway()) {
            case "cmpp" -> new CmppGateway(properties.cmpp(), clock, inbound);
            case "http" -> new HttpSmsGateway(properties.http());
            default -> null;
        };
    }

    public Optional<SmsGateway> active() {
        return Optional.ofNullable(gateway);
    }

    /** CMPP links are kept open (ACTIVE_TEST) so that citizens' messages reach us while we send nothing. */
    @Scheduled(fixedDelayString = "${hotline.sms.cmpp.active-test:PT30S}", initialDelayString = "PT2S")
    void keepAlive() {
        if (gateway instanceof CmppGateway cmpp) {
            cmpp.keepAlive();
        }
    }

    @Override
    public void destroy() {
        if (gateway instanceof CmppGateway cmpp) {
            cmpp.close();
        }
    }
}
