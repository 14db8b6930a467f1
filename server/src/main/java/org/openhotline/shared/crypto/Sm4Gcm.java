package org.openhotline.shared.crypto;

import java.security.SecureRandom;
import org.bouncycastle.crypto.InvalidCipherTextException;
import org.bouncycastle.crypto.engines.SM4Engine;
import org.bouncycastle.crypto.modes.GCMBlockCipher;
import org.bouncycastle.crypto.params.AEADParameters;
import org.bouncycastle.crypto.params.KeyParameter;

/**
 * SM4 (GB/T 32907) in GCM mode: a 12-byte random nonce and a 128-bit tag, so a ciphertext edited in the
 * database (or moved to another row, when the row's id is bound as associated data) does not decrypt.
 */
final class Sm4Gcm {

    static final int NONCE = 12;
    static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Sm4Gcm() {}

    /** nonce ‖ ciphertext ‖ tag. */
    static byte[] seal(byte[] key, byte[] plain, byte[] associated) {
        byte[] nonce = new byte[NONCE];
        RANDOM.nextBytes(nonce);
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(true, new AEADParameters(new KeyParameter(key), TAG_BITS, nonce, associated));
        byte[] out = new byte[NONCE + gcm.getOutputSize(plain.length)];
        System.arraycopy(nonce, 0, out, 0, NONCE);
        int n = gcm.processBytes(plain, 0, plain.length, out, NONCE);
        try {
            gcm.doFinal(out, NONCE + n);
        } catch (InvalidCipherTextException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }

    static byte[] open(byte[] key, byte[] sealed, byte[] associated) {
        if (sealed.length < NONCE + TAG_BITS / 8) {
            throw new SealBroken("密文过短");
        }
        GCMBlockCipher gcm = (GCMBlockCipher) GCMBlockCipher.newInstance(new SM4Engine());
        gcm.init(false, new AEADParameters(new KeyParameter(key), TAG_BITS, java.util.Arrays.copyOf(sealed, NONCE), associated));
        byte[] out = new byte[gcm.getOutputSize(sealed.length - NONCE)];
        int n = gcm.processBytes(sealed, NONCE, sealed.length - NONCE, out, 0);
        try {
            gcm.doFinal(out, n);
        } catch (InvalidCipherTextException e) {
            throw new SealBroken("密文校验失败（数据被改动或密钥不符）");
        }
        return out;
    }

    static byte[] randomKey() {
        byte[] key = new byte[16];
        RANDOM.nextBytes(key);
        return key;
    }
}
