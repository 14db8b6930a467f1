package org.openhotline.audit.internal.chain;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.bouncycastle.crypto.macs.HMac;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * HMAC-SM3 (GB/T 32905 in the HMAC construction) over the previous record's hash and the record's own fields, each
 * length-prefixed so that no two different records serialise alike. The timestamp enters as epoch microseconds,
 * the precision PostgreSQL keeps, and the details as PostgreSQL's own text form of the jsonb.
 */
public final class ChainHash {

    private ChainHash() {}

    /** One audit record's fields as the chain sees them. */
    public record Fields(long id, long atMicros, String actor, String sourceIp, String action, String target,
                         String result, String details) {}

    public static String of(byte[] key, String previous, Fields f) {
        HMac mac = new HMac(new SM3Digest());
        mac.init(new KeyParameter(key));
        for (String part : new String[] {previous, Long.toString(f.id()), Long.toString(f.atMicros()), f.actor(),
                f.sourceIp(), f.action(), f.target(), f.result(), f.details()}) {
            byte[] bytes = part == null ? new byte[0] : part.getBytes(StandardCharsets.UTF_8);
            byte[] length = Integer.toString(part == null ? -1 : bytes.length).getBytes(StandardCharsets.US_ASCII);
            mac.update(length, 0, length.length);
            mac.update((byte) ':');
            mac.update(bytes, 0, bytes.length);
        }
        byte[] out = new byte[mac.getMacSize()];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }
}
