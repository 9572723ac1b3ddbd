package dev.journal.core;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the data-driven spec files under {@code src/test/resources/spec/}. */
public final class SpecFiles {

    private SpecFiles() {
    }

    public static String read(String name) {
        try (InputStream in = SpecFiles.class.getResourceAsStream("/spec/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no spec file " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Rows of a tab-separated file, without comments; {@code \t} and {@code \n} escapes decoded. */
    public static List<String[]> rows(String name) {
        List<String[]> rows = new ArrayList<>();
        for (String line : read(name).split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            rows.add(Arrays.stream(line.split("\t", -1))
                    .map(c -> c.replace("\\t", "\t").replace("\\n", "\n")).toArray(String[]::new));
        }
        return rows;
    }
}
