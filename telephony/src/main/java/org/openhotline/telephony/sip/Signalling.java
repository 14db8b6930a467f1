package org.openhotline.telephony.sip;

import java.time.Clock;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import javax.sip.DialogTerminatedEvent;
import javax.sip.IOExceptionEvent;
import javax.sip.RequestEvent;
import javax.sip.ResponseEvent;
import javax.sip.SipListener;
import javax.sip.TimeoutEvent;
import javax.sip.TransactionTerminatedEvent;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.EndCause;
import org.openhotline.telephony.ExtensionDirectory;
import org.openhotline.telephony.SipSecurity;
import org.openhotline.telephony.TelephonyConfig;
import org.openhotline.telephony.media.RtpPorts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SIP side of the back-to-back user agent: routes every request and response JAIN-SIP delivers to the
 * registrar, the inbound-call handler or the dialer, and answers what none of them wants. Nothing a peer
 * sends may escape as an exception into the stack: every handler is wrapped, logged and answered.
 */
public final class Signalling implements SipListener, AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Signalling.class);
    private final SipEndpoint sip;
    private final Registrar registrar;
    private final Registrations registrations;
    private final InboundCalls inbound;
    private final Dialer dialer;
    private final Map<String, SipLeg> legs = new ConcurrentHashMap<>();
    private final LegControl control;
    private final TrunkMonitor trunks;
    private final Clock clock;
    /** When the last OPTIONS arrived (in a cluster: Kamailio's probe, every 2 s), or null. */
    private volatile java.time.Instant lastOptions;

    /** False on a cluster node that does not run the call center now: OPTIONS and new calls get 503. */
    private volatile java.util.function.BooleanSupplier accepting = () -> true;

    public Signalling(TelephonyConfig config, ExtensionDirectory directory, SignallingEvents events, Clock clock)
            throws Exception {
        this(config, SipSecurity.NONE, directory, events, clock);
    }

    public Signalling(TelephonyConfig config, SipSecurity security, ExtensionDirectory directory,
                      SignallingEvents events, Clock clock) throws Exception {
        this(config, security, directory, events, clock, org.openhotline.telephony.RegistrationStore.NONE);
    }

    public Signalling(TelephonyConfig config, SipSecurity security, ExtensionDirectory directory,
                      SignallingEvents events, Clock clock, org.openhotline.telephony.RegistrationStore store)
            throws Exception {
        this.clock = clock;
        this.sip = new SipEndpoint(config.bindAddress(), config.advertisedAddress(), config.sipPort(), security.tls(),
                this);
        DigestAuth digest = new DigestAuth(config.realm(), clock);
        this.registrations = new Registrations(clock, store);
        this.registrar = new Registrar(sip, digest, directory, registrations, events, clock,
                config.maxRegisterExpires());
        RtpPorts ports = new RtpPorts(config.bindAddress(), config.rtpPortMin(), config.rtpPortMax());
        this.control = new LegControl(sip, legs, events);
        this.inbound = new InboundCalls(sip, config, security, digest, directory, ports, legs, events, control);
        this.dialer = new Dialer(sip, config, security, registrations, ports, legs, events, control);
        this.trunks = new TrunkMonitor(sip, config.trunks(), control.timers, config.trunkProbeSeconds());
    }

    /**
     * Takes new calls only while {@code accepting} says so; otherwise answers OPTIONS and new INVITEs with 503, so
     * a SIP proxy in front (Kamailio's dispatcher) sends calls to the node that does (docs/adr/050-cluster.md).
     */
    public void acceptCallsWhile(java.util.function.BooleanSupplier accepting) {
        this.accepting = accepting;
    }

    private boolean refusesNewCall(Request req) {
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) req.getHeader(javax.sip.header.ToHeader.NAME);
        return to != null && to.getTag() == null && !accepting.getAsBoolean();
    }

    /** When an OPTIONS last reached this engine (a SIP proxy's probe), if ever. */
    public java.util.Optional<java.time.Instant> lastProbedAt() {
        return java.util.Optional.ofNullable(lastOptions);
    }

    /** Whether the trunk's carrier answered our last OPTIONS probe. */
    public boolean trunkUp(String trunk) {
        return trunks.isUp(trunk);
    }

    /** Whether the trunk's account is currently registered with its carrier. */
    public boolean trunkRegistered(String trunk) {
        return trunks.isRegistered(trunk);
    }

    @Override
    public void processRequest(RequestEvent event) {
        Request req = event.getRequest();
        try {
            switch (req.getMethod()) {
                case Request.REGISTER -> registrar.handle(event);
                case Request.INVITE -> {
                    if (refusesNewCall(req)) {
                        sip.respond(event, Response.SERVICE_UNAVAILABLE);
                    } else {
                        inbound.invite(event);
                    }
                }
                case Request.ACK -> inbound.ack(event);
                case Request.BYE -> control.bye(event);
                case Request.CANCEL -> inbound.cancel(event);
                case Request.OPTIONS -> {
                    lastOptions = clock.instant();
                    if (accepting.getAsBoolean()) {
                        sip.respond(event, Response.OK, allow());
                    } else {
                        sip.respond(event, Response.SERVICE_UNAVAILABLE, allow());
                    }
                }
                case Request.INFO -> control.info(event);
                case Request.REFER -> control.refer(event);
                default -> sip.respond(event, Response.METHOD_NOT_ALLOWED, allow());
            }
        } catch (Exception | Error e) {
            if (e instanceof VirtualMachineError vme) throw vme;
            log.warn("{} from {} failed: {}", req.getMethod(), req.getHeader("From"), e.toString());
            // a request the stack let through but we cannot handle (e.g. INVITE without Contact) is the peer's fault
            boolean peersFault = e instanceof javax.sip.TransactionUnavailableException
                    || e instanceof java.text.ParseException || e instanceof IllegalArgumentException;
            if (!Request.ACK.equals(req.getMethod())) {
                sip.respond(event, peersFault ? Response.BAD_REQUEST : Response.SERVER_INTERNAL_ERROR);
            }
        }
    }

    private javax.sip.header.AllowHeader allow() throws Exception {
        return sip.headers.createAllowHeader("INVITE, ACK, BYE, CANCEL, OPTIONS, INFO, REGISTER, REFER");
    }

    @Override
    public void processResponse(ResponseEvent event) {
        try {
            if (trunks.response(event)) return;
            dialer.response(event);
        } catch (Exception e) {
            log.warn("response {} failed: {}", event.getResponse().getStatusCode(), e.toString());
        }
    }

    @Override
    public void processTimeout(TimeoutEvent event) {
        if (!event.isServerTransaction() && trunks.timeout(event.getClientTransaction())) return;
        // our 200 was never ACKed (RFC 3261 timer H): the peer is gone
        if (event.isServerTransaction() && event.getServerTransaction() != null
                && event.getServerTransaction().getApplicationData() instanceof SipLeg leg && !leg.isEnded()) {
            control.hangup(leg, EndCause.FAILED);
            return;
        }
        if (!event.isServerTransaction() && event.getClientTransaction() != null
                && event.getClientTransaction().getApplicationData() instanceof SipLeg leg
                && leg.state() == SipLeg.State.RINGING) {
            control.finish(leg, EndCause.NO_ANSWER);
        }
    }

    @Override
    public void processIOException(IOExceptionEvent event) {
        log.debug("SIP I/O error towards {}:{}", event.getHost(), event.getPort());
    }

    @Override
    public void processTransactionTerminated(TransactionTerminatedEvent event) {
        // transactions end all the time; legs end by BYE, CANCEL or final responses
    }

    @Override
    public void processDialogTerminated(DialogTerminatedEvent event) {
        // a safety net only: our own handlers end legs with the precise cause, possibly a moment later
        if (event.getDialog().getApplicationData() instanceof SipLeg leg && !leg.isEnded()) {
            control.timers.schedule(() -> control.finish(leg, EndCause.NORMAL_CLEARING), 2, TimeUnit.SECONDS);
        }
    }

    public LegControl legs() {
        return control;
    }

    public Dialer dialer() {
        return dialer;
    }

    public Registrations registrations() {
        return registrations;
    }

    public Collection<SipLeg> activeLegs() {
        return legs.values();
    }

    public int port() {
        return sip.port();
    }

    public int tlsPort() {
        return sip.tlsPort();
    }

    @Override
    public void close() {
        for (SipLeg leg : legs.values()) control.hangup(leg, EndCause.NORMAL_CLEARING);
        control.close();
        sip.close();
    }
}
