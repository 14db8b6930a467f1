package org.openhotline.operations.internal.health;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.openhotline.callcenter.TelephonyHealth;
import org.springframework.stereotype.Component;

/** Carrier trunks (OPTIONS answered, registration), agents' phones registered, RTP ports in use. */
@Component
class TelephonyProbe implements Probe {

    static final String PART = "语音";
    private final TelephonyHealth telephony;

    TelephonyProbe(TelephonyHealth telephony) {
        this.telephony = telephony;
    }

    @Override
    public String part() {
        return PART;
    }

    @Override
    public List<Measure> measure(Instant now) {
        if (!telephony.running()) {
            return List.of(Measure.unknown(PART, "sip.running", "", "语音引擎", "未启用（HOTLINE_SIP_ENABLED=false）"));
        }
        List<Measure> out = new ArrayList<>();
        for (var trunk : telephony.trunks()) {
            out.add(Measure.of(PART, "trunk.up", trunk.name(), "中继 " + trunk.name(), trunk.up() ? 1 : 0, "",
                    trunk.up() ? "OPTIONS 有应答" : "OPTIONS 无应答"));
            if (trunk.mustRegister()) {
                out.add(Measure.of(PART, "trunk.registered", trunk.name(), "中继注册 " + trunk.name(), trunk.registered() ? 1 : 0, "",
                        trunk.registered() ? "已注册" : "未注册"));
            }
        }
        var phones = telephony.phones();
        out.add(Measure.of(PART, "phones.registered", "", "坐席话机已注册", phones.registered(), "部",
                phones.registered() + " / " + phones.known() + " 个分机"));
        var ports = telephony.rtpPorts();
        out.add(Measure.of(PART, "rtp.ports.pct", "", "媒体端口占用", Math.round(1000.0 * ports.inUse() / Math.max(1, ports.capacity())) / 10.0,
                "%", ports.inUse() + " / " + ports.capacity()));
        return out;
    }
}
