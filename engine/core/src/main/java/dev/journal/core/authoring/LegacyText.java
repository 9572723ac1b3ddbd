package dev.journal.core.authoring;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A legacy plain-text article read into its parts: an {@code Author:} line, paragraphs, the short
 * lines that head sections, and a trailing {@code RECOMMEND:} marker (dropped).
 *
 * <p>Paragraphs are one per line, as the legacy files have them; hard-wrapped paragraphs separated
 * by blank lines are joined. A heading is a short line on its own, starting with a capital, with
 * no closing full stop, comma, colon or semicolon, followed by a longer paragraph.
 *
 * @param authors the names of the {@code Author:} line, capitalised; empty when there is none
 * @param blocks  headings and paragraphs, in order
 * @param marker  whether a trailing {@code RECOMMEND:} marker was dropped
 */
record LegacyText(List<String> authors, List<Block> blocks, boolean marker) {

    /** Longest line, in characters, that may be a heading. */
    static final int MAX_HEADING = 80;
    /** Most words a heading may have. */
    static final int MAX_HEADING_WORDS = 12;
    /** Lines longer than this are whole paragraphs, not the hard-wrapped lines of one. */
    static final int WRAPPED = 100;

    private static final Pattern AUTHOR = Pattern.compile("(?i)\\s*(?:authors?|by)\\s*:\\s*(.*)");
    private static final Pattern MARKER = Pattern.compile("(?i)\\s*RECOMMEND\\s*:.*");
    private static final Pattern SEPARATORS = Pattern.compile("\\s*(?:,|;|&|\\band\\b)\\s*");

    /** A heading or a paragraph, as plain text. */
    record Block(boolean heading, String text) {
    }

    LegacyText {
        authors = List.copyOf(authors);
        blocks = List.copyOf(blocks);
    }

    long headings() {
        return blocks.stream().filter(Block::heading).count();
    }

    long paragraphs() {
        return blocks.size() - headings();
    }

    /** Reads the text of a legacy file (any line breaks). */
    static LegacyText parse(String text) {
        String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
        List<String> lines = new ArrayList<>(Arrays.stream(t.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1))
                .map(l -> l.replace('\t', ' ').strip()).toList());
        List<String> authors = List.of();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isEmpty()) {
                continue;
            }
            Matcher m = AUTHOR.matcher(lines.get(i));
            if (m.matches()) {
                authors = SEPARATORS.splitAsStream(m.group(1)).map(String::strip).filter(s -> !s.isEmpty())
                        .map(Names::capitalise).toList();
                lines.remove(i);
            }
            break;
        }
        boolean marker = false;
        while (!lines.isEmpty() && (lines.get(lines.size() - 1).isEmpty()
                || MARKER.matcher(lines.get(lines.size() - 1)).matches())) {
            marker |= !lines.remove(lines.size() - 1).isEmpty();
        }
        return new LegacyText(authors, blocks(units(lines)), marker);
    }

    /**
     * Paragraph candidates. Blank lines separate blocks; a block of long lines has one paragraph per
     * line (the legacy form), a block of short lines is one hard-wrapped paragraph, unless its first
     * line is much shorter than the others and shaped like a heading.
     */
    private static List<String> units(List<String> lines) {
        List<String> units = new ArrayList<>();
        List<String> block = new ArrayList<>();
        for (int i = 0; i <= lines.size(); i++) {
            if (i < lines.size() && !lines.get(i).isEmpty()) {
                block.add(lines.get(i));
                continue;
            }
            if (block.isEmpty()) {
                continue;
            }
            if (block.size() == 1 || block.subList(0, block.size() - 1).stream().anyMatch(l -> l.length() > WRAPPED)) {
                units.addAll(block);
            } else {
                int width = block.subList(1, block.size()).stream().mapToInt(String::length).max().orElse(0);
                boolean heads = headingShaped(block.get(0)) && block.get(0).length() * 5 < width * 3;
                if (heads) {
                    units.add(block.get(0));
                }
                units.add(String.join(" ", heads ? block.subList(1, block.size()) : block));
            }
            block.clear();
        }
        return units;
    }

    /** A unit is a heading when shaped like one and followed by a longer paragraph. */
    private static List<Block> blocks(List<String> units) {
        List<Block> blocks = new ArrayList<>();
        for (int i = 0; i < units.size(); i++) {
            String s = units.get(i);
            boolean heading = headingShaped(s) && i + 1 < units.size() && !headingShaped(units.get(i + 1))
                    && units.get(i + 1).length() > s.length();
            blocks.add(new Block(heading, s));
        }
        return blocks;
    }

    /** Short, on its own, starting with a capital or digit, not ending like a sentence or a clause. */
    static boolean headingShaped(String line) {
        if (line.isEmpty() || line.length() > MAX_HEADING || line.split("\\s+").length > MAX_HEADING_WORDS) {
            return false;
        }
        int first = line.codePointAt(0);
        if (!Character.isUpperCase(first) && !Character.isTitleCase(first) && !Character.isDigit(first)) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return ".,;:\u2026".indexOf(last) < 0 && !line.toLowerCase(Locale.ROOT).startsWith("http");
    }
}
