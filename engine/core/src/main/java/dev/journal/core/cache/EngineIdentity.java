package dev.journal.core.cache;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A digest of the engine's own code (its jar, or its classes folder in development), so that a
 * build cache made by another build of the engine is never trusted, whatever its version says.
 */
public final class EngineIdentity {

    private static String digest;

    private EngineIdentity() {
    }

    public static synchronized String digest() {
        if (digest == null) {
            digest = compute();
        }
        return digest;
    }

    private static String compute() {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            Path code = Path.of(EngineIdentity.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            if (Files.isDirectory(code)) {
                List<Path> files;
                try (Stream<Path> s = Files.walk(code)) {
                    files = s.filter(Files::isRegularFile).sorted().toList();
                }
                for (Path f : files) {
                    md.update(code.relativize(f).toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    md.update(Files.readAllBytes(f));
                }
            } else {
                md.update(Files.readAllBytes(code));
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException | URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
