package org.openhotline.telephony.media;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The part of SDP (RFC 4566, offer/answer RFC 3264) a G.711 phone call needs: one audio stream, its
 * address, codecs, telephone-event and direction; for SRTP whether the profile is RTP/SAVP and the first SDES key
 * (RFC 4568 {@code a=crypto}) in the suite we speak. Anything else in a peer's SDP is ignored.
 */
public record Sdp(String address, int port, List<Integer> payloadTypes, int telephoneEvent, String direction,
                  boolean savp, SdesKey crypto) {
    private static final AtomicLong VERSION = new AtomicLong(System.currentTimeMillis() / 1000);

    public static Sdp parse(String text) {
        String address = null, sessionAddress = null, direction = "sendrecv";
        int port = -1, event = -1;
        boolean savp = false;
        SdesKey crypto = null;
        List<Integer> pts = new ArrayList<>();
        boolean inAudio = false;
        for (String raw : text.split("\r?\n")) {
            String line = raw.trim();
            if (line.startsWith("m=")) {
                inAudio = line.startsWith("m=audio ") && port < 0;
                if (inAudio) {
                    String[] f = line.substring(2).split(" ");
                    port = Integer.parseInt(f[1].split("/")[0]);
                    savp = f.length > 2 && f[2].equals("RTP/SAVP");
                    for (int i = 3; i < f.length; i++) {
                        try {
                            pts.add(Integer.parseInt(f[i]));
                        } catch (NumberFormatException ignored) {
                            // a non-RTP format list
                        }
                    }
                }
            } else if (line.startsWith("c=")) {
                String[] f = line.substring(2).split(" ");
                String a = f.length >= 3 ? f[2].split("/")[0] : null;
                if (port < 0) sessionAddress = a;
                else if (inAudio) address = a;
            } else if (inAudio && line.startsWith("a=rtpmap:")) {
                String[] f = line.substring(9).split(" ", 2);
                if (f.length == 2 && f[1].toLowerCase().startsWith("telephone-event/8000")) {
                    event = Integer.parseInt(f[0]);
                }
            } else if (inAudio && crypto == null && line.startsWith("a=crypto:")) {
                crypto = SdesKey.parse(line.substring(9));
            } else if (line.equals("a=sendonly") || line.equals("a=recvonly") || line.equals("a=inactive")
                    || line.equals("a=sendrecv")) {
                direction = line.substring(2);
            }
        }
        if (port < 0) throw new IllegalArgumentException("SDP has no audio stream");
        return new Sdp(address != null ? address : sessionAddress, port, List.copyOf(pts), event, direction, savp,
                crypto);
    }

    /** The first codec of the offer we speak, or null when there is none (answer 488). */
    public Codec preferredCodec() {
        for (int pt : payloadTypes) {
            Codec c = Codec.byPayloadType(pt);
            if (c != null) return c;
        }
        return null;
    }

    public InetSocketAddress socketAddress() {
        return new InetSocketAddress(address, port);
    }

    /** Whether the peer put us on hold (RFC 3264 section 8.4: sendonly/inactive or the old 0.0.0.0). */
    public boolean holds() {
        return direction.equals("sendonly") || direction.equals("inactive") || "0.0.0.0".equals(address);
    }

    public static String offer(String localAddress, int port, String direction) {
        return build(localAddress, port, List.of(Codec.PCMU, Codec.PCMA), 101, direction, null, false);
    }

    /** An offer with our SDES key: RTP/SAVP when SRTP is required, else RTP/AVP with the key (best effort). */
    public static String offer(String localAddress, int port, String direction, SdesKey key, boolean savp) {
        return build(localAddress, port, List.of(Codec.PCMU, Codec.PCMA), 101, direction, key, savp);
    }

    public static String answer(String localAddress, int port, Codec codec, int telephoneEvent, String direction) {
        return build(localAddress, port, List.of(codec), telephoneEvent, direction, null, false);
    }

    /** An answer with our SDES key (null: plain RTP) in the profile the offer used. */
    public static String answer(String localAddress, int port, Codec codec, int telephoneEvent, String direction,
                                SdesKey key, boolean savp) {
        return build(localAddress, port, List.of(codec), telephoneEvent, direction, key, savp);
    }

    /** The direction our answer must carry for the peer's offered direction. */
    public static String answerDirection(String offered) {
        return switch (offered) {
            case "sendonly" -> "recvonly";
            case "recvonly" -> "sendonly";
            case "inactive" -> "inactive";
            default -> "sendrecv";
        };
    }

    private static String build(String ip, int port, List<Codec> codecs, int event, String direction, SdesKey key,
                                boolean savp) {
        long v = VERSION.incrementAndGet();
        StringBuilder b = new StringBuilder();
        b.append("v=0\r\n");
        b.append("o=OpenHotline ").append(v).append(' ').append(v).append(" IN IP4 ").append(ip).append("\r\n");
        b.append("s=OpenHotline\r\n");
        b.append("c=IN IP4 ").append(ip).append("\r\n");
        b.append("t=0 0\r\n");
        b.append("m=audio ").append(port).append(savp ? " RTP/SAVP" : " RTP/AVP");
        for (Codec c : codecs) b.append(' ').append(c.payloadType);
        if (event >= 0) b.append(' ').append(event);
        b.append("\r\n");
        for (Codec c : codecs) b.append("a=rtpmap:").append(c.payloadType).append(' ').append(c.encodingName).append("/8000\r\n");
        if (event >= 0) {
            b.append("a=rtpmap:").append(event).append(" telephone-event/8000\r\n");
            b.append("a=fmtp:").append(event).append(" 0-15\r\n");
        }
        if (key != null) b.append("a=crypto:").append(key.attribute()).append("\r\n");
        b.append("a=ptime:20\r\n");
        b.append("a=").append(direction).append("\r\n");
        return b.toString();
    }
}
