package org.openhotline.callcenter.internal.calls;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * What the phone bar dials for each emergency service of the 12345 linkage ({@code hotline.callcenter.emergency.*}):
 * 110 police, 119 fire, 120 ambulance, 122 traffic police. Many cities reach their 110 command centre on a direct
 * line or through a trunk prefix rather than the short number, so each number is configurable; a blank one takes
 * the service off the phone bar.
 */
@ConfigurationProperties("hotline.callcenter.emergency")
record EmergencyNumbers(Map<String, String> numbers) {

    /** The services in the order the phone bar offers them, with their Chinese names. */
    static final Map<String, String> SERVICES = Map.of("110", "公安110", "119", "消防119", "120", "急救120", "122", "交警122");

    EmergencyNumbers {
        Map<String, String> all = new LinkedHashMap<>();
        for (String service : new String[] {"110", "119", "120", "122"}) {
            String configured = numbers == null ? null : numbers.get(service);
            String number = configured == null ? service : configured.strip();
            if (!number.isEmpty()) {
                all.put(service, number);
            }
        }
        numbers = java.util.Collections.unmodifiableMap(all); // in the phone bar's order
    }
}
