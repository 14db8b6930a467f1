package org.openhotline.telephony.sip;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sip.ListeningPoint;
import javax.sip.ServerTransaction;
import javax.sip.SipFactory;
import javax.sip.SipListener;
import javax.sip.SipProvider;
import javax.sip.SipStack;
import javax.sip.address.AddressFactory;
import javax.sip.header.HeaderFactory;
import javax.sip.message.MessageFactory;
import javax.sip.message.Request;
import javax.sip.message.Response;
import org.openhotline.telephony.SipSecurity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JAIN-SIP stack: one provider listening on the same port over UDP and TCP, and over TLS on its own port when
 * {@link SipSecurity#tls()} is set, plus the factories every handler needs. Each engine gets its own stack name, so
 * several engines can live in one JVM (tests).
 */
public final class SipEndpoint implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SipEndpoint.class);
    private static final AtomicInteger STACKS = new AtomicInteger();
    /** Forward-secret AEAD suites only: TLS 1.3's, then TLS 1.2 ECDHE with GCM or ChaCha20 (RFC 7525). */
    static final java.util.List<String> CIPHER_SUITES = java.util.List.of("TLS_AES_128_GCM_SHA256",
            "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");
    final SipStack stack;
    final SipProvider provider;
    final AddressFactory addresses;
    final HeaderFactory headers;
    final MessageFactory messages;
    final String advertisedAddress;
    final int port;
    /** The SIP over TLS port, or -1 without TLS. */
    final int tlsPort;
    /** Where TLS phones are reached (the connections they opened), or null without TLS. */
    final TlsConnections tlsConnections;
    /** Checks that TLS connections we open reach the host we meant (see PeerNames). */
    final PeerNames peerNames;

    public SipEndpoint(String bindAddress, String advertisedAddress, int port, SipListener listener)
            throws Exception {
        this(bindAddress, advertisedAddress, port, null, listener);
    }

    public SipEndpoint(String bindAddress, String advertisedAddress, int port, SipSecurity.Tls tls,
                       SipListener listener) throws Exception {
        SipFactory factory = SipFactory.getInstance();
        factory.setPathName("gov.nist");
        Properties p = new Properties();
        p.setProperty("javax.sip.STACK_NAME", "openhotline-" + port + "-" + STACKS.incrementAndGet());
        p.setProperty("javax.sip.AUTOMATIC_DIALOG_SUPPORT", "on");
        p.setProperty("gov.nist.javax.sip.REENTRANT_LISTENER", "true");
        p.setProperty("gov.nist.javax.sip.THREAD_POOL_SIZE", "8");
        p.setProperty("gov.nist.javax.sip.TRACE_LEVEL", "0");
        p.setProperty("gov.nist.javax.sip.LOG_MESSAGE_CONTENT", "false");
        // hostile input: bound what one TCP peer can make us buffer, and how many transactions a flood creates
        p.setProperty("gov.nist.javax.sip.MAX_MESSAGE_SIZE", "65536");
        p.setProperty("gov.nist.javax.sip.MAX_SERVER_TRANSACTIONS", "10000");
        p.setProperty("gov.nist.javax.sip.MAX_CONNECTIONS", "2000");
        p.setProperty("gov.nist.javax.sip.READ_TIMEOUT", "2000");
        p.setProperty("gov.nist.javax.sip.CACHE_CLIENT_CONNECTIONS", "true");
        TlsKeys.Store keys = null;
        TlsKeys.Store trusted = null;
        if (tls != null) {
            keys = TlsKeys.prepare(tls);
            p.setProperty("javax.net.ssl.keyStore", keys.file().toString());
            p.setProperty("javax.net.ssl.keyStorePassword", keys.password());
            p.setProperty("javax.net.ssl.keyStoreType", "PKCS12");
            // connections we open to trunks: their certificate must chain to these and name the host (see TlsTrust)
            trusted = TlsTrust.prepare(tls.trustedCertificates());
            p.setProperty("javax.net.ssl.trustStore", trusted.file().toString());
            p.setProperty("javax.net.ssl.trustStorePassword", trusted.password());
            p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
            // phones and trunks authenticate by digest or address, not by client certificate
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_AUTH_TYPE", "Disabled");
            p.setProperty("gov.nist.javax.sip.TLS_CLIENT_PROTOCOLS", "TLSv1.2,TLSv1.3");
            // JAIN-SIP's own default suites (RSA key exchange, 3DES, anonymous) are all disabled in today's JDK:
            // without this list the handshake finds no common suite and the connection is simply reset
            p.setProperty("gov.nist.javax.sip.ENABLED_CIPHER_SUITES", String.join(",", CIPHER_SUITES));
            p.setProperty("gov.nist.javax.sip.SSL_HANDSHAKE_TIMEOUT", "5000");
            // requests to a TLS phone reuse the connection it opened (see TlsConnections)
            p.setProperty("javax.sip.ROUTER_PATH", TlsConnections.class.getName());
            p.setProperty("javax.sip.USE_ROUTER_FOR_ALL_URIS", "true");
        }
        // The temporary key and trust stores (private files with a random password) are read by the stack's
        // constructor and by the TLS listening point; they are deleted whatever happens, also when a port is taken
        // and the caller tries another (they used to pile up in /tmp then).
        try {
            try {
                this.stack = factory.createSipStack(p);
            } finally {
                if (trusted != null) java.nio.file.Files.deleteIfExists(trusted.file()); // read by the stack's constructor
            }
            this.tlsConnections = tls != null ? (TlsConnections) stack.getRouter() : null;
            this.peerNames = new PeerNames();
            if (tls != null) ((gov.nist.javax.sip.SipStackImpl) stack).setTlsSecurityPolicy(peerNames);
            this.addresses = factory.createAddressFactory();
            this.headers = factory.createHeaderFactory();
            this.messages = factory.createMessageFactory();
            this.advertisedAddress = advertisedAddress;
            ListeningPoint udp = stack.createListeningPoint(bindAddress, port, ListeningPoint.UDP);
            ListeningPoint tcp = stack.createListeningPoint(bindAddress, port, ListeningPoint.TCP);
            this.provider = stack.createSipProvider(udp);
            provider.addListeningPoint(tcp);
            provider.addSipListener(listener);
            this.port = udp.getPort();
            if (tls != null) {
                ListeningPoint secure = stack.createListeningPoint(bindAddress, tls.port(), ListeningPoint.TLS);
                provider.addListeningPoint(secure);
                this.tlsPort = secure.getPort();
            } else {
                this.tlsPort = -1;
            }
        } finally {
            if (keys != null && keys.temporary()) java.nio.file.Files.deleteIfExists(keys.file());
        }
        stack.start();
        log.info("SIP listening on {}:{} (UDP, TCP){}, advertised as {}", bindAddress, this.port,
                tlsPort > 0 ? " and " + tlsPort + " (TLS)" : "", advertisedAddress);
    }

    /** Answers a request statelessly-safe: creates the server transaction if the stack did not. */
    ServerTransaction respond(javax.sip.RequestEvent event, int status, javax.sip.header.Header... extra) {
        try {
            ServerTransaction tx = event.getServerTransaction();
            Request request = event.getRequest();
            if (tx == null && !Request.ACK.equals(request.getMethod())) {
                tx = provider.getNewServerTransaction(request);
            }
            Response response = response(status, request);
            for (javax.sip.header.Header h : extra) response.addHeader(h);
            if (tx != null) tx.sendResponse(response);
            return tx;
        } catch (Exception e) {
            log.debug("could not answer {} with {}: {}", event.getRequest().getMethod(), status, e.toString());
            return null;
        }
    }

    /**
     * A response to {@code request}; outside a dialog it gets a To tag of ours (RFC 3261 section 8.2.6.2: every
     * response but 100 carries one, so that a phone can tell which server answered its REGISTER or OPTIONS).
     */
    Response response(int status, Request request) throws java.text.ParseException {
        Response response = messages.createResponse(status, request);
        javax.sip.header.ToHeader to = (javax.sip.header.ToHeader) response.getHeader(javax.sip.header.ToHeader.NAME);
        if (status != Response.TRYING && to != null && to.getTag() == null) {
            to.setTag(Long.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextLong()));
        }
        return response;
    }

    /** A new Call-ID naming our advertised address (the stack's own names the bind address, 0.0.0.0). */
    javax.sip.header.CallIdHeader newCallId() throws java.text.ParseException {
        return headers.createCallIdHeader(java.util.UUID.randomUUID() + "@" + advertisedAddress);
    }

    javax.sip.header.ContactHeader contact(String user, String transport) throws Exception {
        javax.sip.address.SipURI uri = addresses.createSipURI(user, advertisedAddress);
        uri.setPort(portFor(transport));
        if ("tcp".equalsIgnoreCase(transport)) uri.setTransportParam("tcp");
        if ("tls".equalsIgnoreCase(transport)) uri.setTransportParam("tls");
        return headers.createContactHeader(addresses.createAddress(uri));
    }

    /** The port we listen on for {@code transport}: the TLS port for TLS, the SIP port otherwise. */
    int portFor(String transport) {
        return "tls".equalsIgnoreCase(transport) && tlsPort > 0 ? tlsPort : port;
    }

    /**
     * Remembers where a request that came over TLS, or the response to one we sent over TLS, can be answered with new
     * requests (no-op otherwise).
     */
    void rememberTlsPeer(javax.sip.message.Message message) {
        if (tlsConnections == null) return;
        var via = (javax.sip.header.ViaHeader) message.getHeader(javax.sip.header.ViaHeader.NAME);
        if (via != null && "TLS".equalsIgnoreCase(via.getTransport())) tlsConnections.remember(message);
    }

    /** {@code sip:user@host:port} of a trunk, with {@code ;transport=} when it is not reached over UDP. */
    String trunkUri(String user, org.openhotline.telephony.Trunk trunk) {
        return "sip:" + (user == null ? "" : user + "@") + trunk.outboundHost() + ":" + trunk.outboundPort()
                + ("udp".equals(trunk.transport()) ? "" : ";transport=" + trunk.transport());
    }

    public int tlsPort() {
        return tlsPort;
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            stack.stop();
        } catch (RuntimeException e) {
            // JAIN-SIP's UDP processor can trip over itself when stopped right after starting
            log.debug("SIP stack stop: {}", e.toString());
        }
    }
}
