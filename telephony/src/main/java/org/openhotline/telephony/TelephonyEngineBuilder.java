package org.openhotline.telephony;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import org.openhotline.telephony.ivr.BusinessHours;
import org.openhotline.telephony.ivr.CallerLists;
import org.openhotline.telephony.ivr.FlowRepository;
import org.openhotline.telephony.ivr.QueueHandler;

/** Collects the call center's collaborators and starts a {@link TelephonyEngine}. */
public final class TelephonyEngineBuilder {
    private final TelephonyConfig config;
    private TelephonyListener listener = e -> { };
    private ExtensionDirectory extensions = ExtensionDirectory.of(Map.of());
    private FlowRepository flows = new FlowRepository() {
        @Override
        public Optional<org.openhotline.telephony.ivr.Flow> find(String id) {
            return Optional.empty();
        }

        @Override
        public Optional<org.openhotline.telephony.ivr.Flow> forNumber(String number) {
            return Optional.empty();
        }
    };
    private QueueHandler queues = call -> { };
    private BusinessHours hours = BusinessHours.ALWAYS;
    private CallerLists callerLists = CallerLists.NONE;
    private Clock clock = Clock.systemDefaultZone();
    private SipSecurity security = SipSecurity.NONE;
    private RegistrationStore registrationStore = RegistrationStore.NONE;

    TelephonyEngineBuilder(TelephonyConfig config) {
        this.config = config;
    }

    public TelephonyEngineBuilder listener(TelephonyListener l) {
        this.listener = l;
        return this;
    }

    public TelephonyEngineBuilder extensions(ExtensionDirectory d) {
        this.extensions = d;
        return this;
    }

    public TelephonyEngineBuilder flows(FlowRepository f) {
        this.flows = f;
        return this;
    }

    public TelephonyEngineBuilder queues(QueueHandler q) {
        this.queues = q;
        return this;
    }

    public TelephonyEngineBuilder businessHours(BusinessHours h) {
        this.hours = h;
        return this;
    }

    public TelephonyEngineBuilder callerLists(CallerLists c) {
        this.callerLists = c;
        return this;
    }

    public TelephonyEngineBuilder clock(Clock c) {
        this.clock = c;
        return this;
    }

    /** SIP over TLS and the SRTP policies (default: no TLS, SRTP only when offered over TLS). */
    public TelephonyEngineBuilder security(SipSecurity s) {
        this.security = s;
        return this;
    }

    /** Where the phones' registrations are kept beyond the engine's memory (default: nowhere). */
    public TelephonyEngineBuilder registrationStore(RegistrationStore s) {
        this.registrationStore = s;
        return this;
    }

    /** Binds the SIP port (UDP and TCP) and starts the mixer clock. */
    public TelephonyEngine start() throws Exception {
        return new TelephonyEngine(config, listener,
                new TelephonyEngine.EngineParts(extensions, flows, queues, hours, callerLists, clock, security,
                        registrationStore));
    }
}
