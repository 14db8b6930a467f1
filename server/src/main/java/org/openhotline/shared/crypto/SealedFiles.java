package org.openhotline.shared.crypto;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Arrays;

/**
 * Recordings and attachments sealed at rest, and the one way to read them. A sealed file is
 * {@code OHSEAL01} (8 bytes), the key id (4 bytes, big-endian), then SM4-GCM's nonce ‖ ciphertext ‖ tag over the
 * whole content, with the first 12 header bytes as associated data (a header edited to another key id does not
 * open). A file without the magic is one written before encryption was switched on and is read as it is.
 * Whole-file GCM: recordings are a few MB, and a reader that verifies the tag before using a byte is simpler to
 * trust than a streamed format.
 */
public final class SealedFiles {

    private static final byte[] MAGIC = "OHSEAL01".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    private static final int HEADER = MAGIC.length + 4;

    private SealedFiles() {}

    /**
     * Seals {@code file} in place: the sealed copy is written next to it (0600) and moved over it atomically, so
     * the path stays what the records say and no reader ever sees half a file. Sealing a sealed file does nothing.
     */
    public static void seal(Path file) throws IOException {
        byte[] plain = Files.readAllBytes(file);
        if (isSealed(plain)) {
            return;
        }
        byte[] sealed = sealBytes(plain);
        Path tmp = file.resolveSibling(file.getFileName() + ".sealing");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(tmp);
        }
        try (var out = Files.newOutputStream(tmp)) {
            out.write(sealed);
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        Arrays.fill(plain, (byte) 0);
    }

    /** The same format for content kept in the database (work-order attachments in {@code bytea}). */
    public static byte[] sealBytes(byte[] plain) {
        DataKeys keys = PersonalData.keys();
        int id = keys.current();
        byte[] header = ByteBuffer.allocate(HEADER).put(MAGIC).putInt(id).array();
        byte[] body = Sm4Gcm.seal(keys.key(id), plain, header);
        byte[] out = Arrays.copyOf(header, HEADER + body.length);
        System.arraycopy(body, 0, out, HEADER, body.length);
        return out;
    }

    /** Plain content of {@link #sealBytes} output, or the bytes themselves when they were stored before sealing. */
    public static byte[] openBytes(byte[] stored) {
        if (!isSealed(stored)) {
            return stored;
        }
        int id = ByteBuffer.wrap(stored, MAGIC.length, 4).getInt();
        return Sm4Gcm.open(PersonalData.keys().key(id), Arrays.copyOfRange(stored, HEADER, stored.length),
                Arrays.copyOf(stored, HEADER));
    }

    /** The plain content of a sealed (or not yet sealed) file; {@link SealBroken} when the tag does not verify. */
    public static byte[] readAllBytes(Path file) throws IOException {
        return openBytes(Files.readAllBytes(file));
    }

    public static InputStream newInputStream(Path file) throws IOException {
        return new ByteArrayInputStream(readAllBytes(file));
    }

    public static boolean isSealed(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return isSealed(in.readNBytes(MAGIC.length));
        }
    }

    private static boolean isSealed(byte[] content) {
        return content.length >= MAGIC.length && Arrays.equals(content, 0, MAGIC.length, MAGIC, 0, MAGIC.length);
    }
}
