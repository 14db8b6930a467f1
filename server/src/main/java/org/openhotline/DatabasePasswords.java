package org.openhotline;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Properties;

/**
 * The embedded database's passwords, generated on first start and kept in {@code data-dir/postgres.passwords}
 * (mode 0600, the service user's alone): {@code postgres} (superuser: only the platform's start-up uses it, to
 * keep the roles and grants right), {@code hotline_owner} (owns the schema; Flyway migrates as it) and
 * {@code hotline_app} (the application at run time: reads and writes rows, nothing more).
 */
record DatabasePasswords(String superuser, String owner, String app) {

    static final String SUPERUSER = "postgres";
    static final String OWNER = "hotline_owner";
    static final String APP = "hotline_app";

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The passwords in {@code file}; missing ones are generated and the file is (re)written with mode 0600. */
    static DatabasePasswords loadOrCreate(Path file) throws IOException {
        var stored = new Properties();
        if (Files.exists(file)) {
            try (Reader in = Files.newBufferedReader(file)) {
                stored.load(in);
            }
        }
        var passwords = new DatabasePasswords(stored.getProperty(SUPERUSER, generate()),
                stored.getProperty(OWNER, generate()), stored.getProperty(APP, generate()));
        if (!Files.exists(file)) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PostgresBinaries.OWNER_FILE));
        }
        Files.setPosixFilePermissions(file, PostgresBinaries.OWNER_FILE);
        if (stored.size() < 3) {
            var props = new Properties();
            props.setProperty(SUPERUSER, passwords.superuser());
            props.setProperty(OWNER, passwords.owner());
            props.setProperty(APP, passwords.app());
            try (Writer out = Files.newBufferedWriter(file, StandardOpenOption.TRUNCATE_EXISTING)) {
                props.store(out, "Embedded PostgreSQL passwords (generated; keep this file 0600)");
            }
        }
        return passwords;
    }

    /** 24 letters and digits (≈ 140 bits): safe to write into SQL as a literal. */
    private static String generate() {
        var sb = new StringBuilder(24);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "DatabasePasswords[hidden]";
    }
}
