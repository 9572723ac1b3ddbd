package dev.journal.core.preview;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.sun.net.httpserver.HttpExchange;
import dev.journal.core.Problem;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The preview's live reload: a small script that the server adds to every HTML page it serves
 * (never to the files on disk), and a stream of Server-Sent Events through which the script learns
 * of each build. A page reloads when a newer build is served, and shows the errors of a failed
 * build in an overlay (the page itself stays the last good build).
 */
final class LiveReload {

    /** Paths of the server's own resources; a site cannot serve files under this folder. */
    static final String PREFIX = "/__journal/";
    static final String SCRIPT = PREFIX + "live.js";
    static final String EVENTS = PREFIX + "events";
    static final String STATUS = PREFIX + "status";

    /** Most pages listening at once; each holds a server thread. */
    static final int MAX_LISTENERS = 16;
    /** A comment line sent this often keeps the stream open and finds closed tabs. */
    static final long HEARTBEAT_SECONDS = 15;

    private static final JsonFactory JSON = new JsonFactory();
    private static final String CLOSE = "";

    private final byte[] script;
    private final Set<LinkedBlockingQueue<String>> listeners = ConcurrentHashMap.newKeySet();
    private volatile BuildStatus status = BuildStatus.INITIAL;

    LiveReload() {
        try (InputStream in = LiveReload.class.getResourceAsStream("live.js")) {
            if (in == null) {
                throw new IllegalStateException("live.js is missing from the engine's jar");
            }
            this.script = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    BuildStatus status() {
        return status;
    }

    /** Records a new status and tells every open page. */
    void publish(BuildStatus newStatus) {
        this.status = newStatus;
        String event = "event: status\ndata: " + json(newStatus) + "\n\n";
        listeners.forEach(q -> q.offer(event));
    }

    /** Ends every open stream (the server is stopping). */
    void closeAll() {
        listeners.forEach(q -> q.offer(CLOSE));
    }

    /**
     * The HTML page with the script tag added before its last {@code </body>} (or at the end). The
     * page's bytes are kept as they are, whatever their encoding: the tag is ASCII.
     */
    byte[] inject(byte[] html) {
        byte[] tag = ("<script src=\"" + SCRIPT + "\" data-generation=\"" + status.generation() + "\"></script>")
                .getBytes(StandardCharsets.US_ASCII);
        int at = lastBodyEnd(html);
        byte[] out = new byte[html.length + tag.length];
        System.arraycopy(html, 0, out, 0, at);
        System.arraycopy(tag, 0, out, at, tag.length);
        System.arraycopy(html, at, out, at + tag.length, html.length - at);
        return out;
    }

    /** Where the last {@code </body} starts (any case), or the end of the page. */
    private static int lastBodyEnd(byte[] html) {
        byte[] close = "</body".getBytes(StandardCharsets.US_ASCII);
        outer:
        for (int i = html.length - close.length; i >= 0; i--) {
            for (int j = 0; j < close.length; j++) {
                if (Character.toLowerCase((char) (html[i + j] & 0xff)) != close[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return html.length;
    }

    byte[] script() {
        return script.clone();
    }

    String statusJson() {
        return json(status);
    }

    /**
     * Serves the event stream on {@code exchange} until the page goes away or the server stops:
     * the current status first, then one event per build.
     */
    void stream(HttpExchange exchange) throws IOException {
        if (listeners.size() >= MAX_LISTENERS) {
            Responses.text(exchange, 503, "Too many open preview pages; close some tabs.");
            return;
        }
        LinkedBlockingQueue<String> queue = new LinkedBlockingQueue<>();
        listeners.add(queue);
        try {
            exchange.getResponseHeaders().set("Content-Type", "text/event-stream; charset=utf-8");
            exchange.getResponseHeaders().set("Cache-Control", "no-store");
            exchange.sendResponseHeaders(200, 0);
            OutputStream out = exchange.getResponseBody();
            write(out, "retry: 1000\nevent: status\ndata: " + json(status) + "\n\n");
            while (true) {
                String event = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (CLOSE.equals(event)) {
                    return;
                }
                write(out, event != null ? event : ": still here\n\n");
            }
        } catch (IOException e) {
            // the page was closed or reloaded: nothing to report
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            listeners.remove(queue);
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String json(BuildStatus s) {
        StringWriter w = new StringWriter();
        try (JsonGenerator g = JSON.createGenerator(w)) {
            g.writeStartObject();
            g.writeNumberField("generation", s.generation());
            g.writeBooleanField("building", s.building());
            g.writeArrayFieldStart("errors");
            for (Problem p : s.errors()) {
                g.writeStartObject();
                g.writeStringField("path", p.path());
                g.writeNumberField("line", p.line());
                g.writeStringField("message", p.message());
                g.writeStringField("text", p.toString());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeNumberField("warnings", s.warnings().size());
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }

    /** Whether a response of this content type gets the script. */
    static boolean isHtml(String contentType) {
        return contentType.toLowerCase(Locale.ROOT).startsWith("text/html");
    }
}
