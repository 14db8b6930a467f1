package org.openhotline.shared.crypto;

/** A ciphertext that does not open: edited, truncated, or sealed under a key this ring does not hold. */
public final class SealBroken extends IllegalStateException {

    SealBroken(String message) {
        super(message);
    }
}
