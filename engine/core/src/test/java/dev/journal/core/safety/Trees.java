package dev.journal.core.safety;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.TreeMap;

/** Folder trees as comparable snapshots: every file's digest, every link's target, every folder. */
public final class Trees {

    private Trees() {
    }

    /** Relative path to a digest of the file, {@code -> target} of a link, or {@code folder}. */
    public static TreeMap<String, String> snapshot(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        if (!Files.exists(root)) {
            return out;
        }
        Files.walkFileTree(root, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                out.put(name(root, dir) + "/", "folder");
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                out.put(name(root, file), attrs.isSymbolicLink() ? "-> " + Files.readSymbolicLink(file)
                        : digest(Files.readAllBytes(file)));
                return FileVisitResult.CONTINUE;
            }
        });
        return out;
    }

    /** Every regular file's text (decoded leniently as UTF-8), by relative path. */
    public static TreeMap<String, String> texts(Path root) throws IOException {
        TreeMap<String, String> out = new TreeMap<>();
        try (var s = Files.walk(root)) {
            // images are not text: a marker's bytes could turn up in them by chance
            for (Path p : s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".png")
                    && !p.toString().endsWith(".ico")).toList()) {
                out.put(name(root, p), new String(Files.readAllBytes(p), StandardCharsets.UTF_8));
            }
        }
        return out;
    }

    private static String name(Path root, Path p) {
        return root.relativize(p).toString().replace('\\', '/');
    }

    static String digest(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
