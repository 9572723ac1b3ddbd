package dev.journal.core.preview;

import static dev.journal.core.TestContent.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.BindException;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The preview server on an ephemeral port, probed over raw sockets so that every byte of a request
 * is what the test says: what it refuses, what it serves, and how it follows edits.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PreviewServerTest {

    static final Clock CLOCK = Clock.fixed(Instant.parse("2025-06-01T00:00:00Z"), ZoneOffset.UTC);
    static final String SECRET = "the-secret-next-to-the-preview-folder";

    Path site;
    Path output;
    PreviewServer server;
    final List<String> log = Collections.synchronizedList(new ArrayList<>());

    @BeforeAll
    void start(@TempDir Path dir) throws IOException {
        site = dir;
        // published under a sub-path, which the preview (serving at /) does not have
        write(site, "jbake.properties", "site.host=https://preview.example.org/review\nuri.noExtension=true\n"
                + "render.error404=true\njournal.title=Preview Test\n");
        write(site, "content/articles/2024/one.md", "---\ntitle: First version\ndate: 2024-05-01\ntags: [X]\n---\n"
                + "Text of one.\n");
        write(site, "content/articles/2024/draft.md", "---\ntitle: Unfinished\ndate: 2024-05-02\ndraft: true\n---\n"
                + "Draft text.\n");
        write(site, "content/articles/2025/later.md", "---\ntitle: Coming soon\ndate: 2025-09-01\n---\nLater.\n");
        write(site, "assets/images/photo.png", "not really a png");
        write(site, "secret.txt", SECRET);
        output = site.resolve("target/preview");
        server = PreviewServer.start(new PreviewServer.Options(site, output, 0, CLOCK, 2, log::add));
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    record Response(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    /** Sends exactly these bytes (ISO-8859-1) and reads the whole response. */
    Response raw(String request) throws IOException {
        try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            socket.setSoTimeout(10_000);
            try {
                socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
                socket.getOutputStream().flush();
            } catch (IOException e) {
                // the server may close before reading everything; its answer (if any) is read below
            }
            byte[] all;
            try {
                all = socket.getInputStream().readAllBytes();
            } catch (IOException e) {
                return new Response(-1, Map.of(), "");
            }
            String text = new String(all, StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (end < 0) {
                return new Response(-1, Map.of(), text);
            }
            String[] head = text.substring(0, end).split("\r\n");
            Map<String, String> headers = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                headers.put(head[i].substring(0, colon).strip().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).strip());
            }
            return new Response(Integer.parseInt(head[0].split(" ")[1]), headers, text.substring(end + 4));
        }
    }

    Response request(String method, String path) throws IOException {
        return raw(method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n");
    }

    Response get(String path) throws IOException {
        return request("GET", path);
    }

    /** Polls the status until it satisfies {@code until}, for at most ten seconds. */
    String awaitStatus(Predicate<String> until) throws Exception {
        long end = System.nanoTime() + 10_000_000_000L;
        String status = "";
        while (System.nanoTime() < end) {
            status = get("/__journal/status").body();
            if (until.test(status)) {
                return status;
            }
            Thread.sleep(20);
        }
        fail("the status never changed as expected; last: " + status + "\nlog:\n" + String.join("\n", log));
        return status;
    }

    @Test
    void servesPagesWithTheLiveReloadScriptThatTheFilesOnDiskNeverHold() throws IOException {
        Response home = get("/");
        assertEquals(200, home.status());
        assertEquals("text/html; charset=utf-8", home.header("Content-Type"));
        assertEquals("no-store", home.header("Cache-Control"));
        assertTrue(home.body().contains("<script src=\"/__journal/live.js\""), home.body());
        assertTrue(home.body().indexOf("/__journal/live.js") < home.body().lastIndexOf("</body>"), "before </body>");
        try (Stream<Path> files = Files.walk(output)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertFalse(Files.readString(f, StandardCharsets.ISO_8859_1).contains("__journal"), f.toString());
            }
        }
        Response css = get("/css/journal.css");
        assertEquals(200, css.status());
        assertEquals("text/css; charset=utf-8", css.header("Content-Type"));
        assertFalse(css.body().contains("__journal"), "only HTML gets the script");
        Response script = get("/__journal/live.js");
        assertEquals(200, script.status());
        assertTrue(script.body().contains("EventSource"));
    }

    @Test
    void showsDraftsAndScheduledArticlesMarked() throws IOException {
        assertServes("/articles/2024/draft/", "mark-draft");
        assertServes("/articles/2025/later/", "mark-scheduled");
        assertTrue(get("/").body().contains("preview-banner"));
    }

    /** Checks that {@code path} is served (200) with {@code text} in it. */
    private void assertServes(String path, String text) throws IOException {
        Response r = get(path);
        assertEquals(200, r.status(), path);
        assertTrue(r.body().contains(text), r.body());
    }

    @Test
    void headAnswersLikeGetWithoutABody() throws IOException {
        Response get = get("/articles/2024/one/");
        Response head = request("HEAD", "/articles/2024/one/");
        assertEquals(200, head.status());
        assertEquals("", head.body());
        assertEquals(Integer.toString(get.body().getBytes(StandardCharsets.UTF_8).length), head.header("Content-Length"));
        Response png = request("HEAD", "/images/photo.png");
        assertEquals("image/png", png.header("Content-Type"));
        assertEquals("16", png.header("Content-Length"));
        assertEquals(404, request("HEAD", "/nothing-here").status());
    }

    @Test
    void otherMethodsAreNotAllowed() throws IOException {
        for (String method : List.of("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE", "CONNECT", "PROPFIND", "BREW")) {
            Response r = raw(method + " /index.html HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: 3\r\n"
                    + "Connection: close\r\n\r\nabc");
            assertEquals(405, r.status(), method);
            assertEquals("GET, HEAD", r.header("Allow"), method);
        }
    }

    @Test
    void missingPagesGetTheSitesOwn404Page() throws IOException {
        Response r = get("/no/such/page/");
        assertEquals(404, r.status());
        assertTrue(r.body().contains("Page not found"), r.body());
        assertTrue(r.body().contains("/__journal/live.js"));
        Matcher sheet = Pattern.compile("<link rel=\"stylesheet\" href=\"([^\"]+)\"").matcher(r.body());
        assertTrue(sheet.find(), r.body());
        String asked = URI.create("http://127.0.0.1/no/such/page/").resolve(sheet.group(1)).getRawPath();
        assertEquals("/css/journal.css", asked, "the stylesheet, from the address the 404 page was served at");
        assertEquals(200, get(asked).status());
        assertEquals(404, get("/no-such-file.css").status());
        assertEquals(404, get("/index.html/").status(), "a file is not a folder");
        assertEquals(404, get("/__journal/anything").status());
    }

    @Test
    void aFolderServesItsIndexOrNothingNeverAListing() throws IOException {
        Response folder = get("/images/");
        assertEquals(404, folder.status());
        assertFalse(folder.body().contains("photo.png"), folder.body());
        Response noSlash = get("/images");
        assertEquals(301, noSlash.status());
        assertEquals("/images/", noSlash.header("Location"));
        Response article = get("/articles/2024/one?x=1");
        assertEquals(301, article.status());
        assertEquals("/articles/2024/one/?x=1", article.header("Location"));
        assertEquals(200, get("/articles/2024/one/").status());
    }

    @Test
    void nothingOutsideThePreviewFolderIsServedWhateverTheEncoding() throws IOException {
        Files.createSymbolicLink(output.resolve("linked-secret.txt"), site.resolve("secret.txt"));
        List<String> attacks = List.of("/../secret.txt", "/../../secret.txt", "/%2e%2e/secret.txt", "/%2e%2e/%2e%2e/secret.txt",
                "/%2E%2E/%2E%2E/secret.txt", "/..%2fsecret.txt", "/..%2f..%2fsecret.txt", "/%2e%2e%2f%2e%2e%2fsecret.txt",
                "/..\\..\\secret.txt", "/..%5c..%5csecret.txt", "/%252e%252e/%252e%252e/secret.txt",
                "/%25252e%25252e/secret.txt", "/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt", "/%c0%af..%c0%afsecret.txt",
                "/%e0%80%ae%e0%80%ae/secret.txt", "/..%00/secret.txt", "/secret.txt%00.html", "/%00",
                "/articles/../../../secret.txt", "//secret.txt", "///../secret.txt", "/./../secret.txt",
                "/.%2e/.%2e/secret.txt", "/linked-secret.txt", "/.journal-output", "/%2e/index.html",
                "/C:/secret.txt", "/%5c%5c127.0.0.1%5csecret.txt", "http://127.0.0.1/../../secret.txt");
        for (String path : attacks) {
            Response r = get(path);
            assertTrue(r.status() == 400 || r.status() == 404, path + " gave " + r.status());
            assertFalse(r.body().contains(SECRET), path);
            // (the JDK itself answers 400 "URISyntaxException thrown" to paths it cannot parse: no trace)
            assertFalse(r.body().contains("\tat ") || r.body().contains("at java.") || r.body().contains("dev.journal"),
                    path + ": " + r.body());
        }
        assertEquals(200, get("/").status(), "still serving");
    }

    @Test
    void theAssetFoldersDotFilesAreServedAsPublishedButNotWhatNoBuildWrites() throws IOException {
        Files.createDirectories(output.resolve(".well-known"));
        Files.writeString(output.resolve(".well-known/security.txt"), "Contact: mailto:security@example.org\n");
        Files.createDirectories(output.resolve(".git"));
        Files.writeString(output.resolve(".git/config"), "[remote \"origin\"]\n");
        assertServes("/.well-known/security.txt", "Contact:");
        Response git = get("/.git/config");
        assertEquals(404, git.status());
        assertFalse(git.body().contains("remote"), git.body());
    }

    @Test
    void longUrlsAreRefusedCleanly() throws IOException {
        assertEquals(414, get("/" + "a".repeat(5_000)).status());
        assertEquals(414, get("/a?" + "q".repeat(100_000)).status());
        Response huge = get("/" + "a".repeat(1_000_000));
        assertTrue(huge.status() == 414 || huge.status() == -1 || huge.status() == 413,
                "refused or dropped by the JDK's own limit: " + huge.status());
        assertEquals(200, get("/").status(), "still serving");
    }

    @Test
    void onlyRequestsNamingThisMachineAreAnswered() throws IOException {
        Response rebinding = raw("GET / HTTP/1.1\r\nHost: attacker.example:8820\r\nConnection: close\r\n\r\n");
        assertEquals(403, rebinding.status());
        assertFalse(rebinding.body().contains("Preview Test"));
        assertEquals(200, raw("GET / HTTP/1.1\r\nHost: localhost:8820\r\nConnection: close\r\n\r\n").status());
        assertEquals(200, raw("GET / HTTP/1.1\r\nHost: [::1]:8820\r\nConnection: close\r\n\r\n").status());
        assertEquals(200, raw("GET / HTTP/1.0\r\n\r\n").status());
    }

    @Test
    void aSecondServerOnTheSamePortSaysThePortIsTaken() {
        BindException e = assertThrows(BindException.class, () -> PreviewServer.start(
                new PreviewServer.Options(site, site.resolve("target/other"), server.port(), CLOCK, 1, line -> { })));
        assertTrue(e.getMessage().contains("port " + server.port() + " on 127.0.0.1 is taken"), e.getMessage());
        assertFalse(Files.exists(site.resolve("target/other")), "no build when the port is taken");
    }

    @Test
    void aBrokenEditShowsTheErrorOverTheLastGoodSiteAndTheFixClearsIt() throws Exception {
        String first = awaitStatus(s -> s.contains("\"errors\":[]"));
        long generation = Long.parseLong(first.replaceAll(".*\"generation\":(\\d+).*", "$1"));
        try (Socket events = new Socket(InetAddress.getLoopbackAddress(), server.port())) {
            events.setSoTimeout(10_000);
            events.getOutputStream().write(("GET /__journal/events HTTP/1.1\r\nHost: localhost\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            BufferedReader stream = new BufferedReader(new InputStreamReader(events.getInputStream(), StandardCharsets.UTF_8));
            assertTrue(readUntil(stream, l -> l.startsWith("data: {\"generation\":" + generation)).contains("\"errors\":[]"));

            Path one = site.resolve("content/articles/2024/one.md");
            Files.writeString(one, "---\ntitle: Broken\ndate: 2024-02-30\n---\nText.\n");
            String broken = readUntil(stream, l -> l.startsWith("data: ") && l.contains("\"errors\":[{"));
            assertTrue(broken.contains("content/articles/2024/one.md:3: date: '2024-02-30' is not a real date"), broken);
            String status = awaitStatus(s -> s.contains("\"errors\":[{"));
            assertTrue(status.contains("\"generation\":" + generation + ","), "no new build served: " + status);
            Response page = get("/articles/2024/one/");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("First version"), "the last good page is still served");

            Files.writeString(one, "---\ntitle: Second version\ndate: 2024-05-01\ntags: [X]\n---\nText of one.\n");
            String fixed = readUntil(stream, l -> l.startsWith("data: ") && l.contains("\"errors\":[]"));
            assertTrue(fixed.contains("\"generation\":" + (generation + 1) + ","), fixed);
            assertTrue(get("/articles/2024/one/").body().contains("Second version"));
            assertTrue(get("/articles/2024/one/").body().contains("data-generation=\"" + (generation + 1) + "\""));
        }
        assertTrue(log.stream().anyMatch(l -> l.contains("still serving the last good build")), log::toString);
        assertTrue(log.stream().anyMatch(l -> l.contains("the errors are fixed")), log::toString);
    }

    private static String readUntil(BufferedReader reader, Predicate<String> line) throws IOException {
        try {
            for (String l = reader.readLine(); l != null; l = reader.readLine()) {
                if (line.test(l)) {
                    return l;
                }
            }
        } catch (SocketTimeoutException e) {
            fail("no such event within the time limit");
        }
        fail("the event stream ended");
        return null;
    }
}
