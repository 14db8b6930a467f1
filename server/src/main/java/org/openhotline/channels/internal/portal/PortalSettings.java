package org.openhotline.channels.internal.portal;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The portal's limits ({@code hotline.channels.portal.*}): submissions per client address and per phone number
 * per hour, SMS codes per phone per hour, captchas per address per minute, and the days after closing within which
 * a citizen may ask to reopen an order.
 */
@ConfigurationProperties("hotline.channels.portal")
public record PortalSettings(Integer submitsPerAddressPerHour, Integer submitsPerPhonePerHour,
                             Integer smsCodesPerPhonePerHour, Integer captchasPerAddressPerMinute,
                             Integer reopenWithinDays) {

    public PortalSettings {
        submitsPerAddressPerHour = submitsPerAddressPerHour == null ? 30 : submitsPerAddressPerHour;
        submitsPerPhonePerHour = submitsPerPhonePerHour == null ? 5 : submitsPerPhonePerHour;
        smsCodesPerPhonePerHour = smsCodesPerPhonePerHour == null ? 5 : smsCodesPerPhonePerHour;
        captchasPerAddressPerMinute = captchasPerAddressPerMinute == null ? 60 : captchasPerAddressPerMinute;
        reopenWithinDays = reopenWithinDays == null ? 15 : reopenWithinDays;
    }
}
