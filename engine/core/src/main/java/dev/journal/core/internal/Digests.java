package dev.journal.core.internal;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 (and JBake's SHA-1) as hexadecimal text. */
public final class Digests {

    private Digests() {
    }

    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(sha256().digest(bytes));
    }

    /** JBake's {@code sha1} of a document: the SHA-1 of its file's bytes. */
    public static String sha1(byte[] bytes) {
        return HexFormat.of().formatHex(digest("SHA-1").digest(bytes));
    }

    /** A new SHA-256 digest, for input given in parts. */
    public static MessageDigest sha256() {
        return digest("SHA-256");
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is part of every Java runtime", e);
        }
    }
}
