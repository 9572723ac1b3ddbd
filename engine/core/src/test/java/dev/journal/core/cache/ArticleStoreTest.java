package dev.journal.core.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.journal.core.Problem;
import dev.journal.core.config.SiteConfig;
import dev.journal.core.internal.markdown.MarkdownOptions;
import dev.journal.core.internal.markdown.MarkdownRenderer;
import dev.journal.core.load.SourceFile;
import dev.journal.core.parse.Article;
import dev.journal.core.parse.ContentParser;
import dev.journal.core.parse.ParseCache;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ForkJoinPool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parse cache keeps articles whole, and gives them back only for the same file and the same key. */
class ArticleStoreTest {

    @TempDir
    Path dir;

    private static final ContentParser PARSER = new ContentParser(SiteConfig.defaults(),
            new MarkdownRenderer(MarkdownOptions.site(true)));

    private static SourceFile file(String name, String text) {
        return new SourceFile("content/" + name, name, text.getBytes(StandardCharsets.UTF_8));
    }

    private static final String RICH = """
            ---
            title: "A \\"quoted\\" title — with Ünïcödé"
            authors: [Anna Lindqvist, Daniel Okafor]
            date: 2024-06-28T09:15:00+09:00
            updated: 2024-07-01
            tags: [Arctic, Россия, Việt Nam]
            slug: rich-one
            image: pic.png
            lang: de
            related: [other, third]
            series: {name: Arctic, part: 2, tags: [a, b], flag: true}
            nothing: ~
            ---
            Intro with a link to [the other](other.md#x) and a [missing](gone.md) one, an ![image](pic.png).

            ## Section one

            Text[^1] with *emphasis*, "quotes" and a table:

            | a | b |
            | - | - |
            | 1 | 2 |

            [^1]: A note.
            """;

    @Test
    void anArticleComesBackAsItWasParsed() throws Exception {
        Article original;
        String html;
        String text;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            ContentParser.Parsed parsed = PARSER.parse(List.of(file("a/rich.md", RICH),
                    file("a/other.md", "---\ntitle: Other\ndate: 2024-01-01\n---\nOther.\n")), ForkJoinPool.commonPool(),
                    store);
            original = parsed.articles().stream().filter(a -> a.slug().equals("rich-one")).findFirst().orElseThrow();
            html = original.bodyHtml();
            text = original.text();
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            ParseCache.Entry e = store.find("content/a/rich.md", original.hash()).orElseThrow();
            Article back = e.article();
            assertEquals(original.title(), back.title());
            assertEquals(original.authors(), back.authors());
            assertEquals(original.date(), back.date());
            assertEquals(original.updated(), back.updated());
            assertEquals(original.tags(), back.tags());
            assertEquals(original.summary(), back.summary());
            assertEquals(original.outputPath(), back.outputPath());
            assertEquals(original.uri(), back.uri());
            assertEquals(original.image(), back.image());
            assertEquals(original.lang(), back.lang());
            assertEquals(original.related(), back.related());
            assertEquals(original.meta(), back.meta());
            assertEquals(html, back.bodyHtml());
            assertEquals(text, back.text());
            assertTrue(html.contains("<table tabindex=\"0\">") && html.contains("footnote"), html);
            assertEquals(original.headings(), back.headings());
            assertEquals(original.words(), back.words());
            assertEquals(original.references(), back.references());
            assertEquals(original.lines(), back.lines());
            assertEquals(Map.of("series", Map.of("name", 11, "part", 11, "tags", 11, "flag", 11)), back.entryLines());
            assertArrayEquals(original.terms().hashes(), back.terms().hashes());
            assertArrayEquals(original.terms().counts(), back.terms().counts());
            assertEquals(original.terms().length(), back.terms().length());
            assertArrayEquals(original.search().terms(), back.search().terms());
            assertArrayEquals(original.search().packed(), back.search().packed());
            assertArrayEquals(original.search().length(), back.search().length());
            assertEquals(Map.of("a/other.md", "a/other.html", "a/gone.md", "", "a/pic.png", ""), e.linked(),
                    "the content files its links named, with their URIs then");
        }
    }

    @Test
    void anotherKeyOrAnotherFileFindsNothing() throws Exception {
        String hash;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            hash = PARSER.parse(List.of(file("x.md", "---\ntitle: X\ndate: 2024-01-01\n---\nX.\n")),
                    ForkJoinPool.commonPool(), store).articles().get(0).hash();
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "other key")) {
            assertTrue(store.find("content/x.md", hash).isEmpty(), "another engine or configuration");
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            assertTrue(store.find("content/x.md", "0".repeat(64)).isEmpty(), "the file changed");
            assertTrue(store.find("content/x.md", hash).isPresent());
        }
    }

    @Test
    void aCachedArticleIsParsedAgainWhenALinkedPageMoves() throws Exception {
        String linking = "---\ntitle: L\ndate: 2024-01-01\n---\nSee [t](t.md).\n";
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            PARSER.parse(List.of(file("l.md", linking), file("t.md", "---\ntitle: T\ndate: 2024-01-01\n---\nT.\n")),
                    ForkJoinPool.commonPool(), store);
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            java.util.concurrent.atomic.AtomicInteger steps = new java.util.concurrent.atomic.AtomicInteger();
            ContentParser.Parsed p = PARSER.parse(List.of(file("l.md", linking),
                    file("t.md", "---\ntitle: T\ndate: 2024-01-01\nslug: moved\n---\nT.\n")), ForkJoinPool.commonPool(),
                    store, steps::incrementAndGet);
            Article l = p.articles().stream().filter(a -> a.slug().equals("l")).findFirst().orElseThrow();
            assertTrue(l.bodyHtml().contains("href=\"moved.html\""), l.bodyHtml());
            assertTrue(p.problems().stream().noneMatch(Problem::isError), p.problems().toString());
            assertEquals(2, steps.get(), "the progress counts each file once, the one parsed again too");
        }
    }

    private static List<SourceFile> articles(int n, String variant) {
        List<SourceFile> files = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            files.add(file("a" + i + ".md", "---\ntitle: Article " + i + "\ndate: 2024-01-0" + (1 + i % 9)
                    + "\ntags: [Energy, Trade]\n---\nThe body of article " + i + " about sanctions and shipping"
                    + " routes. " + "Words and more words. ".repeat(40) + variant + "\n"));
        }
        return files;
    }

    /** Bodies of the articles {@link #parse} returned, read while their store was open. */
    private final Map<Article, String> html = new java.util.IdentityHashMap<>();

    /** Parses with the store (as a build does) and returns the articles by path. */
    private Map<String, Article> parse(List<SourceFile> files, ArticleStore store) {
        ContentParser.Parsed parsed = PARSER.parse(files, ForkJoinPool.commonPool(), store);
        Map<String, Article> byPath = new java.util.HashMap<>();
        parsed.articles().forEach(a -> {
            byPath.put(a.sourcePath(), a);
            html.put(a, a.bodyHtml());
        });
        return byPath;
    }

    private long size(String prefix) throws java.io.IOException {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .mapToLong(p -> p.toFile().length()).sum();
        }
    }

    private List<String> logs() throws java.io.IOException {
        try (var s = java.nio.file.Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).filter(n -> n.matches("(bodies|records|words)-\\d+\\.bin"))
                    .sorted().toList();
        }
    }

    private void assertAllFound(Map<String, Article> expected) throws Exception {
        assertAllFound(expected, "key");
    }

    private void assertAllFound(Map<String, Article> expected, String key) throws Exception {
        try (ArticleStore store = ArticleStore.open(dir, key)) {
            for (Article a : expected.values()) {
                Article back = store.find(a.sourcePath(), a.hash()).orElseThrow(() -> new AssertionError(
                        a.sourcePath() + " is not found again")).article();
                assertEquals(a.title(), back.title());
                assertEquals(html.get(a), back.bodyHtml());
                assertArrayEquals(a.search().terms(), back.search().terms());
                assertArrayEquals(a.terms().hashes(), back.terms().hashes());
            }
        }
    }

    @Test
    void aRebuildWritesOnlyTheRecordsOfTheFilesThatChanged() throws Exception {
        List<SourceFile> files = new java.util.ArrayList<>(articles(20, ""));
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            parse(files, store);
            store.save();
        }
        long records = size("records-");
        files.set(3, articles(20, "A changed ending with novel vocabulary: zeitgeist.").get(3));
        Map<String, Article> second;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            second = parse(files, store);
            store.save();
        }
        long grown = size("records-") - records;
        assertTrue(grown > 0 && grown < records / 10, "one record of twenty appended, not all rewritten: " + grown
                + " bytes added to " + records);
        assertEquals(List.of("bodies-1.bin", "records-1.bin", "words-1.bin"), logs());
        assertAllFound(second);
    }

    @Test
    void aStoreGoesOnFromMemoryWhileNothingElseWroteTheCache() throws Exception {
        List<SourceFile> files = new java.util.ArrayList<>(articles(8, ""));
        ArticleStore first = ArticleStore.open(dir, "key");
        parse(files, first);
        first.save();
        assertTrue(first.resumable());
        // the next build of the process: the same store, its articles the very objects it kept
        Article kept = first.find("content/a1.md", parse(files, first).get("content/a1.md").hash()).orElseThrow()
                .article();
        ArticleStore second = ArticleStore.resume(first, dir, "key");
        assertSame(first, second, "nothing else wrote the cache");
        assertFalse(second.resumable(), "in use until saved again");
        files.set(2, articles(8, "An edit with new words: quinoa, zeppelin.").get(2));
        Map<String, Article> afterEdit = parse(files, second);
        assertSame(kept, afterEdit.get("content/a1.md"), "an unchanged file's article is not decoded again");
        second.save();
        assertTrue(second.resumable());
        assertAllFound(afterEdit); // what went on in memory is what a new process reads

        // another build (another process) writes the cache: the store is read again
        try (ArticleStore other = ArticleStore.open(dir, "key")) {
            files.set(5, articles(8, "Changed by the other build.").get(5));
            parse(files, other);
            other.save();
        }
        ArticleStore third = ArticleStore.resume(second, dir, "key");
        try (third) {
            assertNotSame(second, third, "the index changed under it");
            Map<String, Article> again = parse(files, third);
            third.save();
            assertAllFound(again);
        }
        Article fromSecond = afterEdit.get("content/a0.md");
        java.io.UncheckedIOException closed = assertThrows(java.io.UncheckedIOException.class, fromSecond::bodyHtml,
                "the store given up was closed");
        assertTrue(closed.getCause() instanceof java.nio.channels.ClosedChannelException, closed.toString());
    }

    @Test
    void aStoreThatCompactedIsReadAgain() throws Exception {
        ArticleStore first = ArticleStore.open(dir, "key", 0);
        parse(articles(5, "first"), first);
        first.save();
        ArticleStore second = ArticleStore.resume(first, dir, "key");
        parse(articles(5, "second"), second);
        second.save(); // dead data: a new generation
        assertFalse(second.resumable());
        try (ArticleStore third = ArticleStore.resume(second, dir, "key")) {
            assertNotSame(second, third);
            assertAllFound(parse(articles(5, "second"), third));
        }
    }

    @Test
    void deadDataIsCopiedIntoANewGeneration() throws Exception {
        try (ArticleStore store = ArticleStore.open(dir, "key", 0)) {
            parse(articles(5, "first"), store);
            assertFalse(store.compacts(), "nothing dead yet");
            store.save();
        }
        Map<String, Article> second;
        try (ArticleStore store = ArticleStore.open(dir, "key", 0)) {
            second = parse(articles(5, "second"), store);
            assertTrue(store.compacts(), "the first bodies are dead");
            store.save();
        }
        assertEquals(List.of("bodies-2.bin", "records-2.bin", "words-2.bin"), logs(), "the old generation is gone");
        assertAllFound(second);
    }

    @Test
    void aSaveStartedBesideTheRenderLeavesTheBodiesReadable() throws Exception {
        String key;
        Map<String, Article> parsed;
        try (BuildCache cache = BuildCache.open(dir, "key")) {
            key = cache.key();
            parsed = parse(articles(40, ""), cache.articles());
            cache.commitAhead();
            for (Article a : parsed.values()) {
                assertEquals(html.get(a), a.bodyHtml(), "read from the bodies log beside the save");
            }
            cache.commit();
            for (Article a : parsed.values()) {
                assertEquals(html.get(a), a.bodyHtml());
            }
        }
        assertAllFound(parsed, key);
    }

    @Test
    void aSaveStartedAheadIsFinishedBeforeTheCacheCloses() throws Exception {
        String key;
        Map<String, Article> parsed;
        try (BuildCache cache = BuildCache.open(dir, "key")) {
            key = cache.key();
            parsed = parse(articles(40, "failed later"), cache.articles());
            // a save that starts late; the build fails after starting it: no commit
            cache.commitAhead(task -> new Thread(() -> {
                try {
                    Thread.sleep(300);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                task.run();
            }).start());
        }
        // the save was over when the cache closed: the parse was true of the files, whatever became of the build
        assertAllFound(parsed, key);
    }

    @Test
    void aBuildCutShortLeavesTheCacheAsTheLastSaveLeftIt() throws Exception {
        Map<String, Article> first;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            first = parse(articles(6, "first"), store);
            store.save();
        }
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            parse(articles(6, "second"), store); // bodies appended, then the build fails: no save
        }
        for (String log : logs()) {
            java.nio.file.Files.write(dir.resolve(log), new byte[] {'h', 1, 2, 3}, java.nio.file.StandardOpenOption.APPEND);
        }
        assertAllFound(first);
        Map<String, Article> third;
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            third = parse(articles(6, "third"), store);
            store.save();
        }
        assertAllFound(third);
    }

    /**
     * A record damaged anywhere, here by the largest count there is written over it at every
     * place in turn, is refused (the file is then parsed again) without first making an array or
     * list that large: the counts that size what follows are bounded by what is left of the record.
     */
    @Test
    void aDamagedRecordIsRefusedWithoutMakingWhatItsCountsClaim() throws Exception {
        ContentParser parser = new ContentParser(SiteConfig.defaults(), new MarkdownRenderer(MarkdownOptions.site(true)),
                true, true);
        Article a = parser.parse(List.of(file("rich.md", RICH)), ForkJoinPool.commonPool()).articles().get(0);
        assertTrue(a.terms() != null && a.search() != null && !a.headings().isEmpty() && !a.references().isEmpty());
        ArticleCodec.Words words = new ArticleCodec.Words();
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        ArticleCodec.write(new java.io.DataOutputStream(bytes), a, words);
        byte[] record = bytes.toByteArray();
        Article intact = ArticleCodec.read(new ByteReader(record), a.body(), words);
        assertEquals(a.title(), intact.title());
        assertArrayEquals(a.search().terms(), intact.search().terms(), "the intact record reads back");
        byte[] largest = {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, 0x07}; // Integer.MAX_VALUE, seven bits a byte
        int refused = 0;
        for (int at = 0; at + largest.length <= record.length; at++) {
            byte[] damaged = record.clone();
            System.arraycopy(largest, 0, damaged, at, largest.length);
            try {
                ArticleCodec.read(new ByteReader(damaged), a.body(), words);
            } catch (java.io.IOException | RuntimeException e) {
                refused++; // an Error (out of memory for a count's array) would fail the test
            }
        }
        assertTrue(refused > record.length / 2, refused + " of " + record.length + " damaged records refused");
    }

    /** Where an index's length of the records' log is: after its format, key, generation and length of the bodies' log. */
    private static int recordsLengthAt(byte[] index) throws java.io.IOException {
        ByteReader in = new ByteReader(index);
        ArticleCodec.readString(in);
        ArticleCodec.readString(in);
        in.readInt();
        in.readLong();
        return index.length - in.remaining();
    }

    /**
     * An index claiming far more records, or a far longer log of them, than there are is refused
     * as other damage is, without first making what it claims.
     */
    @Test
    void anIndexClaimingMoreRecordsThanItHoldsIsRefused() throws Exception {
        Map<String, Article> first = parsedAndSaved(articles(4, ""));
        Path index = dir.resolve("index.bin");
        byte[] good = java.nio.file.Files.readAllBytes(index);
        int recordsLength = recordsLengthAt(good);
        int count = recordsLength + 2 * Long.BYTES + Integer.BYTES; // after the records' and words' lengths, the words' CRC
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean)
                java.lang.management.ManagementFactory.getThreadMXBean();
        // 2^29 records: a table of 2^30 slots, made at the first record, were the count believed;
        // a records' log of 2 GB, read whole, were its length
        for (boolean records : new boolean[] {true, false}) {
            byte[] bytes = good.clone();
            if (records) {
                java.nio.ByteBuffer.wrap(bytes).putInt(count, 1 << 29);
            } else {
                java.nio.ByteBuffer.wrap(bytes).putLong(recordsLength, Integer.MAX_VALUE - 8);
            }
            java.nio.file.Files.write(index, bytes);
            long before = threads.getCurrentThreadAllocatedBytes();
            try (ArticleStore store = ArticleStore.open(dir, "key")) {
                long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                assertTrue(allocated < 64 << 20, allocated + " bytes allocated to open the store");
                for (Article a : first.values()) {
                    assertTrue(store.find(a.sourcePath(), a.hash()).isEmpty(), "the damaged index is not used");
                }
            }
        }
    }

    /**
     * A record whose body has a negative length (which a sum with the other length can hide) is
     * refused when it is found, so the file is parsed again, rather than failing the page that
     * reads the body.
     */
    @Test
    void aRecordWithANegativeBodyLengthIsRefused() throws Exception {
        Map<String, Article> first = parsedAndSaved(articles(1, ""));
        Article only = first.values().iterator().next();
        Path log = dir.resolve("records-1.bin");
        byte[] records = java.nio.file.Files.readAllBytes(log);
        ByteReader in = new ByteReader(records);
        int problems = ArticleCodec.readVar(in);
        for (int p = 0; p < problems; p++) {
            ArticleCodec.readProblem(in);
        }
        int linked = ArticleCodec.readVar(in);
        for (int l = 0; l < 2 * linked; l++) {
            ArticleCodec.readString(in);
        }
        in.readLong(); // where the body is
        int at = records.length - in.remaining();
        int html = ArticleCodec.readVar(in);
        int text = ArticleCodec.readVar(in);
        int after = records.length - in.remaining();
        // the HTML's length -1, the text's one more than both were: their sum is the body's length still
        java.io.ByteArrayOutputStream changed = new java.io.ByteArrayOutputStream();
        changed.write(records, 0, at);
        java.io.DataOutputStream out = new java.io.DataOutputStream(changed);
        ArticleCodec.writeVar(out, -1);
        ArticleCodec.writeVar(out, html + text + 1);
        out.flush();
        changed.write(records, after, records.length - after);
        byte[] damaged = changed.toByteArray();
        java.nio.file.Files.write(log, damaged);
        // the index names the record's new length and CRC (last), and the records' log's length: the
        // record passes its checksum, and its lengths are what refuses it
        Path index = dir.resolve("index.bin");
        byte[] bytes = java.nio.file.Files.readAllBytes(index);
        java.nio.ByteBuffer.wrap(bytes).putLong(recordsLengthAt(bytes), damaged.length);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(damaged);
        java.nio.ByteBuffer.wrap(bytes).putInt(bytes.length - 8, damaged.length).putInt(bytes.length - 4,
                (int) crc.getValue());
        java.nio.file.Files.write(index, bytes);
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            assertTrue(store.find(only.sourcePath(), only.hash()).isEmpty(), "the damaged record is parsed again");
        }
    }

    /** {@code files} parsed into a store of {@link #dir} under "key", which is saved and closed. */
    private Map<String, Article> parsedAndSaved(List<SourceFile> files) throws Exception {
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            Map<String, Article> parsed = parse(files, store);
            store.save();
            return parsed;
        }
    }

    /** Removes the store's files, so that the next one starts at generation 1 again. */
    private void empty() throws java.io.IOException {
        try (var files = java.nio.file.Files.list(dir)) {
            for (Path f : files.toList()) {
                java.nio.file.Files.delete(f);
            }
        }
    }

    /** One byte of a cache file flipped at {@code at} (from the end when negative). */
    private void flip(String name, int at) throws java.io.IOException {
        Path file = dir.resolve(name);
        byte[] bytes = java.nio.file.Files.readAllBytes(file);
        bytes[at < 0 ? bytes.length + at : at] ^= 0x20;
        java.nio.file.Files.write(file, bytes);
    }

    /**
     * A byte changed in a body, a record or the words the records share (a failing disk, a stray
     * write) is caught by its checksum: the article is parsed again, never shown as the cache has it.
     */
    @Test
    void aChangedByteInABodyARecordOrTheWordsIsCaught() throws Exception {
        Map<String, Article> first = parsedAndSaved(articles(4, ""));
        flip("bodies-1.bin", -3);
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            int found = 0;
            for (Article a : first.values()) {
                var back = store.find(a.sourcePath(), a.hash());
                if (back.isPresent()) {
                    assertEquals(html.get(a), back.get().article().bodyHtml());
                    found++;
                }
            }
            assertEquals(3, found, "only the damaged body's article is parsed again");
        }
        empty();
        first = parsedAndSaved(articles(4, ""));
        flip("records-1.bin", 40);
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            long found = first.values().stream().filter(a -> store.find(a.sourcePath(), a.hash()).isPresent()).count();
            assertEquals(3, found, "only the damaged record's article is parsed again");
        }
        empty();
        first = parsedAndSaved(articles(4, ""));
        flip("words-1.bin", 5);
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            for (Article a : first.values()) {
                assertTrue(store.find(a.sourcePath(), a.hash()).isEmpty(), "damaged words: the cache is not used");
            }
        }
    }

    @Test
    void aDamagedCacheIsOnlyASlowerBuild() throws Exception {
        Map<String, Article> first = parsedAndSaved(articles(4, ""));
        java.nio.file.Files.write(dir.resolve("records-1.bin"), new byte[64]);
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            for (Article a : first.values()) {
                assertTrue(store.find(a.sourcePath(), a.hash()).isEmpty(), "a damaged record is parsed again");
            }
            parse(articles(4, ""), store);
            store.save();
        }
        java.nio.file.Files.write(dir.resolve("index.bin"), "garbage".getBytes(StandardCharsets.UTF_8));
        try (ArticleStore store = ArticleStore.open(dir, "key")) {
            assertTrue(store.find(first.values().iterator().next().sourcePath(), first.values().iterator().next().hash())
                    .isEmpty());
            first = parse(articles(4, ""), store);
            store.save();
        }
        assertAllFound(first);
    }
}
