package org.openhotline.telephony.sip;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.sip.SipException;
import javax.sip.SipStack;
import javax.sip.address.Hop;
import javax.sip.message.Request;
import gov.nist.javax.sip.stack.DefaultRouter;
import gov.nist.javax.sip.stack.HopImpl;

/**
 * Sends requests for a TLS phone over the connection it opened to us, and a TLS trunk's over the one we opened to it (connection reuse, RFC 5923's idea). A phone
 * registers over TLS from some port and puts its listening address in Contact; it has no server certificate to
 * accept a second connection there (and behind NAT could not be reached anyway). So every request we address to
 * that Contact — the INVITE ringing it, BYE, re-INVITE, REFER in its dialogs — goes to the address its REGISTER or
 * INVITE came from, where JAIN-SIP keeps the connection. Installed as the stack's router only when TLS is on.
 */
public final class TlsConnections extends DefaultRouter {
    private static final int MAX = 20_000;
    private final Map<String, Hop> aliases = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Hop> eldest) {
            return size() > MAX;
        }
    });

    public TlsConnections(SipStack stack, String defaultRoute) {
        super(stack, defaultRoute);
    }

    /**
     * After an authenticated REGISTER or an admitted INVITE over TLS, or a trunk's answer over the connection we opened:
     * its Contact is reached where it came from.
     */
    void remember(javax.sip.message.Message message) {
        if (!(message.getHeader(javax.sip.header.ContactHeader.NAME) instanceof javax.sip.header.ContactHeader c)
                || !(c.getAddress().getURI() instanceof javax.sip.address.SipURI uri)) {
            return;
        }
        var m = (gov.nist.javax.sip.message.SIPMessage) message;
        int port = uri.getPort() > 0 ? uri.getPort() : 5061;
        aliases.put(key(uri.getHost(), port), new HopImpl(m.getRemoteAddress().getHostAddress(), m.getRemotePort(), "TLS"));
    }

    @Override
    public Hop getNextHop(Request request) throws SipException {
        Hop hop = super.getNextHop(request);
        if (hop != null && "TLS".equalsIgnoreCase(hop.getTransport())) {
            Hop alias = aliases.get(key(hop.getHost(), hop.getPort()));
            if (alias != null) return alias;
        }
        return hop;
    }

    private static String key(String host, int port) {
        return host.toLowerCase(java.util.Locale.ROOT) + ":" + port;
    }
}
