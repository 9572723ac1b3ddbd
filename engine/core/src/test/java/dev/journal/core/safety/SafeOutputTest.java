package dev.journal.core.safety;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The judge of the hostile suite must itself catch what it is there to catch. */
class SafeOutputTest {

    private static final Set<String> HOSTS = Set.of("player.vimeo.com");

    @TempDir
    Path site;

    private List<String> judge(String file, String text) throws IOException {
        Path p = site.resolve(file);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
        return SafeOutput.violations(site, HOSTS);
    }

    @Test
    void aSafePageHasNoViolation() throws IOException {
        assertEquals(List.of(), judge("a/index.html", """
                <!DOCTYPE html><html><head><title>x</title><style>p{color:red}</style>
                <script type="application/ld+json">{"headline": "<\\/script> \\u003c"}</script>
                <script src="../js/search.js"></script></head>
                <body><a href="../b/">b</a><a href="https://x.org">x</a><img src="p.png" alt="">
                <iframe src="https://player.vimeo.com/video/1"></iframe></body></html>"""));
        assertEquals(List.of(), judge("feed.xml", "<?xml version=\"1.0\"?><rss><title>&lt;b&gt;</title></rss>"));
        assertEquals(List.of(), judge("search.json", "[{\"title\": \"<script>pwn()</script>\"}]"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "x.html|<script>pwn()</script>|script that is not one of the site's own files",
        "x.html|<script src=\"https://evil.example/x.js\"></script>|not one of the site's own files",
        "x.html|<p onclick=\"x()\">a</p>|event handler onclick",
        "x.html|<a href=\"javascript:x()\">a</a>|href=javascript",
        "x.html|<a href=\" JaVaScRiPt:x()\">a</a>|href=",
        "x.html|<img src=\"data:image/svg+xml,x\">|src=data",
        "x.html|<iframe src=\"https://evil.example/\"></iframe>|<iframe",
        "x.html|<iframe srcdoc=\"x\"></iframe>|srcdoc",
        "x.html|<base href=\"https://evil.example/\">|<base>",
        "x.html|<meta http-equiv=\"refresh\" content=\"0\">|http-equiv",
        "x.html|<form><input></form>|<form>",
        "x.html|<p style=\"color: expression(x())\">a</p>|style=",
        "x.html|<body><style>p{}</style></body>|outside the head",
        "x.html|<script type=\"application/ld+json\">{\"a\": </script>|not well-formed JSON",
        "x.html|<script type=\"application/ld+json\">{\"a\": \"&lt;pwn()\"}</script>|HTML-escaped text in JSON",
        "x.html|<p>a\u0000b</p>|control or non-character U+0000",
        "x.html|<p>a\u001bb</p>|U+001B",
        "x.html|<p>a&#x1b;b</p>|a control or non-character in the text",
        "x.html|<p title=\"a&#1;\">a</p>|a control or non-character in title",
        "x.html|<img src=\"\" alt=\"x\">|an image without an address",
        "feed.xml|<rss><title>a & b</title></rss>|not well-formed XML",
        "feed.xml|<rss><title>a \u0001 b</title></rss>|not well-formed XML",
        "feed.xml|<!DOCTYPE x [<!ENTITY e \"e\">]><rss>&e;</rss>|not well-formed XML",
        "search.json|{\"a\": [1, 2}|not well-formed JSON",
        "a\u202Eb.html|<p>x</p>|unsafe file name"})
    void eachViolationIsCaught(String file, String text, String words) throws IOException {
        List<String> found = judge(file, text);
        assertTrue(found.stream().anyMatch(v -> v.contains(words)), "expected '" + words + "' in " + found);
    }
}
