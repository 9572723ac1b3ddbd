package dev.journal.core.preview;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Serves the preview folder, and nothing else: GET and HEAD only, paths checked by
 * {@link RequestPath} and again after resolving links, a folder only through its
 * {@code index.html} (never a listing), the dot-files a build never writes never, the site's own
 * 404 page for anything missing, plain short messages for refusals and failures (never a stack
 * trace). HTML pages get the live-reload script on the way out. Requests must name this machine
 * ({@code Host: localhost}, {@code 127.0.0.1} or {@code [::1]}), so that a web page elsewhere
 * cannot read the preview through a DNS name that it points here (DNS rebinding).
 */
final class SiteHandler implements HttpHandler {

    /** Longest path and query accepted, in characters. */
    static final int MAX_URI = 4096;
    /** How long a request for a missing file waits for a running build to finish before giving up. */
    static final long BUILD_WAIT_MS = 10_000;

    /** Knows whether a build is running, and waits for it. */
    interface Builds {
        boolean running();

        void awaitIdle(long millis) throws InterruptedException;
    }

    private final Path root;
    private final LiveReload live;
    private final Supplier<String> notFoundPage;
    private final Builds builds;
    private final Consumer<String> log;

    /**
     * @param root         the preview folder (it may not exist before the first good build)
     * @param notFoundPage the site's 404 page, relative to the root
     */
    SiteHandler(Path root, LiveReload live, Supplier<String> notFoundPage, Builds builds, Consumer<String> log) {
        this.root = root.toAbsolutePath().normalize();
        this.live = live;
        this.notFoundPage = notFoundPage;
        this.builds = builds;
        this.log = log;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            serve(exchange);
        } catch (Exception | StackOverflowError | OutOfMemoryError e) {
            log.accept("preview server: failed to answer " + exchange.getRequestMethod() + " "
                    + abbreviate(exchange.getRequestURI().getRawPath()) + ": " + e.getClass().getSimpleName()
                    + (e.getMessage() != null ? ": " + e.getMessage() : ""));
            if (exchange.getResponseCode() < 0) {
                Responses.text(exchange, 500, "Internal error; the preview server's console says more.");
            }
        } finally {
            exchange.close();
        }
    }

    private void serve(HttpExchange exchange) throws IOException, InterruptedException {
        String method = exchange.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            exchange.getResponseHeaders().set("Allow", "GET, HEAD");
            Responses.text(exchange, 405, "Method not allowed: the preview server only serves GET and HEAD.");
            return;
        }
        if (!localHost(exchange.getRequestHeaders().getFirst("Host"))) {
            Responses.text(exchange, 403, "Forbidden: the preview server answers only to localhost and 127.0.0.1.");
            return;
        }
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        int length = (rawPath == null ? 0 : rawPath.length()) + (rawQuery == null ? 0 : rawQuery.length() + 1);
        if (length > MAX_URI) {
            Responses.text(exchange, 414, "URI too long.");
            return;
        }
        if (rawPath != null && rawPath.startsWith(LiveReload.PREFIX)) {
            own(exchange, rawPath);
            return;
        }
        Optional<RequestPath> parsed = RequestPath.parse(rawPath);
        if (parsed.isEmpty()) {
            Responses.text(exchange, 400, "Bad request: not a path the preview server serves.");
            return;
        }
        RequestPath path = parsed.get();
        if (path.hidden()) {
            notFound(exchange);
            return;
        }
        Path target = root;
        for (String segment : path.segments()) {
            target = target.resolve(segment);
        }
        target = target.normalize();
        if (!target.startsWith(root)) {
            Responses.text(exchange, 400, "Bad request: not a path the preview server serves.");
            return;
        }
        for (int attempt = 0; attempt < 2; attempt++) {
            if (Files.isDirectory(target)) {
                if (!path.directory()) {
                    // so that the page's relative links resolve from inside the folder
                    exchange.getResponseHeaders().set("Location", rawPath + "/" + (rawQuery == null ? "" : "?" + rawQuery));
                    Responses.text(exchange, 301, "Moved to the folder's page.");
                    return;
                }
                if (file(exchange, target.resolve("index.html"), 200)) {
                    return;
                }
            } else if (!path.directory() && file(exchange, target, 200)) {
                return;
            }
            if (attempt == 0 && builds.running()) {
                // the build may be swapping the site in at this moment: ask again once it is done
                builds.awaitIdle(BUILD_WAIT_MS);
            } else {
                break;
            }
        }
        notFound(exchange);
    }

    /** Serves the server's own script, status and event stream. */
    private void own(HttpExchange exchange, String rawPath) throws IOException {
        switch (rawPath) {
            case LiveReload.SCRIPT -> Responses.bytes(exchange, 200, "text/javascript; charset=utf-8", live.script());
            case LiveReload.STATUS -> Responses.bytes(exchange, 200, "application/json",
                    live.statusJson().getBytes(StandardCharsets.UTF_8));
            case LiveReload.EVENTS -> {
                if (exchange.getRequestMethod().equals("HEAD")) {
                    Responses.bytes(exchange, 200, "text/event-stream; charset=utf-8", new byte[0]);
                } else {
                    Responses.common(exchange);
                    live.stream(exchange);
                }
            }
            default -> Responses.text(exchange, 404, "Not found.");
        }
    }

    /**
     * Sends a regular file inside the root; false (nothing sent) when there is no such file or it
     * leads outside the root.
     */
    private boolean file(HttpExchange exchange, Path file, int status) throws IOException {
        if (!Files.isRegularFile(file)) {
            return false;
        }
        Path real;
        Path realRoot;
        try {
            real = file.toRealPath();
            realRoot = root.toRealPath();
        } catch (NoSuchFileException e) {
            return false;
        }
        if (!real.startsWith(realRoot)) {
            return false;
        }
        String type = Responses.contentType(file.getFileName().toString());
        if (LiveReload.isHtml(type)) {
            byte[] html;
            try {
                html = Files.readAllBytes(real);
            } catch (NoSuchFileException e) {
                return false;
            }
            Responses.bytes(exchange, status, type, live.inject(html));
            return true;
        }
        try (FileChannel channel = FileChannel.open(real, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            long size = channel.size();
            Responses.common(exchange);
            exchange.getResponseHeaders().set("Content-Type", type);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.getResponseHeaders().set("Content-Length", Long.toString(size));
                exchange.sendResponseHeaders(status, -1);
                return true;
            }
            exchange.sendResponseHeaders(status, size == 0 ? -1 : size);
            try (OutputStream out = exchange.getResponseBody()) {
                Channels.newInputStream(channel).transferTo(out);
            }
            return true;
        } catch (NoSuchFileException e) {
            return false;
        }
    }

    /** The site's 404 page when it has one, else a minimal page; both with the live-reload script. */
    private void notFound(HttpExchange exchange) throws IOException {
        String page = notFoundPage.get();
        if (page != null && !page.isBlank()) {
            Optional<RequestPath> p = RequestPath.parse("/" + page.strip());
            if (p.isPresent() && !p.get().hidden() && file(exchange, root.resolve(page.strip()).normalize(), 404)) {
                return;
            }
        }
        String html = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><title>Not found</title></head>"
                + "<body><h1>Not found</h1><p>There is no such page in the preview.</p></body></html>\n";
        Responses.bytes(exchange, 404, "text/html; charset=utf-8", live.inject(html.getBytes(StandardCharsets.UTF_8)));
    }

    /** Whether a Host header names this machine by its loopback name or address (any port). */
    static boolean localHost(String host) {
        if (host == null) {
            return true; // HTTP/1.0 clients send none
        }
        String h = host.strip().toLowerCase(Locale.ROOT);
        String name;
        String port;
        if (h.startsWith("[")) {
            int end = h.indexOf(']');
            if (end < 0) {
                return false;
            }
            name = h.substring(0, end + 1);
            port = h.substring(end + 1);
        } else {
            int colon = h.indexOf(':');
            name = colon < 0 ? h : h.substring(0, colon);
            port = colon < 0 ? "" : h.substring(colon);
        }
        boolean local = name.equals("localhost") || name.equals("127.0.0.1") || name.equals("[::1]");
        return local && (port.isEmpty() || port.matches(":[0-9]{1,5}"));
    }

    private static String abbreviate(String s) {
        if (s == null) {
            return "";
        }
        return s.length() > 200 ? s.substring(0, 200) + "..." : s;
    }
}
