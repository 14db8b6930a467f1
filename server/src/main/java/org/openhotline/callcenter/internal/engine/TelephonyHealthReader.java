package org.openhotline.callcenter.internal.engine;

import java.util.List;
import org.openhotline.callcenter.TelephonyHealth;
import org.openhotline.telephony.TelephonyEngine;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads {@link TelephonyHealth} from the running engine and the agents' extensions. */
@Component
class TelephonyHealthReader implements TelephonyHealth {

    private final Switchboard switchboard;
    private final TelephonyProperties properties;
    private final JdbcClient jdbc;

    TelephonyHealthReader(Switchboard switchboard, TelephonyProperties properties, JdbcClient jdbc) {
        this.switchboard = switchboard;
        this.properties = properties;
        this.jdbc = jdbc;
    }

    @Override
    public boolean running() {
        return switchboard.running();
    }

    @Override
    public List<TrunkState> trunks() {
        if (!switchboard.running()) {
            return List.of();
        }
        TelephonyEngine engine = switchboard.engine();
        return properties.trunks().stream()
                .filter(t -> t.outboundHost() != null && !t.outboundHost().isBlank())
                .map(t -> new TrunkState(t.name(), engine.isTrunkUp(t.name()), false, engine.isTrunkRegistered(t.name())))
                .toList();
    }

    @Override
    public PhoneCount phones() {
        List<String> extensions = jdbc.sql("select extension from cc_agent where enabled and extension is not null")
                .query(String.class).list();
        if (!switchboard.running()) {
            return new PhoneCount(extensions.size(), 0);
        }
        TelephonyEngine engine = switchboard.engine();
        return new PhoneCount(extensions.size(), (int) extensions.stream().filter(engine::isRegistered).count());
    }

    @Override
    public PortUse rtpPorts() {
        int capacity = (properties.rtpMax() - properties.rtpMin()) / 2 + 1;
        return new PortUse(switchboard.running() ? switchboard.engine().activeLegs().size() : 0, capacity);
    }
}
