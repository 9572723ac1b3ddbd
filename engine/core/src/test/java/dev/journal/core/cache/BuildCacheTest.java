package dev.journal.core.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BuildCacheTest {

    @TempDir
    Path dir;

    @Test
    void openingForABuildRemovesTheFilesOldVersionsNamedByHashCode() throws IOException {
        List<String> retired = List.of("output-b779df7b.manifest", "related-b779df7b", "render-1f", "search-80000000",
                "stamp-b779df7b");
        List<String> kept = List.of("output-a77463abac01a0b6.manifest", "related-a77463abac01a0b6",
                "records-7.bin", "index.bin", "notes-b779df7b", "search-b779df7b.txt");
        for (String name : retired) {
            Files.writeString(dir.resolve(name), "x");
        }
        for (String name : kept) {
            Files.writeString(dir.resolve(name), "x");
        }
        Files.createDirectory(dir.resolve("render-0abc")); // not a file of ours
        try (BuildCache cache = BuildCache.open(dir, "k")) {
            assertEquals(List.of("index.bin", "lock", "notes-b779df7b", "output-a77463abac01a0b6.manifest",
                    "records-7.bin", "related-a77463abac01a0b6", "render-0abc", "search-b779df7b.txt"), names());
        }
    }

    @Test
    void aCheckLeavesThemAlone() throws IOException {
        Files.writeString(dir.resolve("lock"), "");
        Files.writeString(dir.resolve("related-b779df7b"), "x");
        try (BuildCache cache = BuildCache.openExisting(dir, "k")) {
            assertEquals(List.of("lock", "related-b779df7b"), names());
        }
    }

    private List<String> names() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
