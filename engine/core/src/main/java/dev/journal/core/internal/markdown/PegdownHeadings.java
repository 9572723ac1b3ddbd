package dev.journal.core.internal.markdown;

import org.commonmark.node.Block;
import org.commonmark.node.Heading;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.SourceLine;
import org.commonmark.parser.SourceLines;
import org.commonmark.parser.block.AbstractBlockParser;
import org.commonmark.parser.block.AbstractBlockParserFactory;
import org.commonmark.parser.block.BlockContinue;
import org.commonmark.parser.block.BlockStart;
import org.commonmark.parser.block.MatchedBlockParser;
import org.commonmark.parser.block.ParserState;

/**
 * Pegdown's ATX headings, which JBake sites are written for: {@code ##Title}, with no space after
 * the hashes, is a heading (CommonMark reads it as text). One to six hashes, then text that does
 * not start with a space (a heading with the space is CommonMark's own), without the closing
 * hashes; not in code (indented four spaces or more, or fenced, where no block starts).
 */
final class PegdownHeadings extends AbstractBlockParserFactory {

    @Override
    public BlockStart tryStart(ParserState state, MatchedBlockParser matched) {
        if (state.getIndent() >= 4) {
            return BlockStart.none();
        }
        CharSequence line = state.getLine().getContent();
        int start = state.getNextNonSpaceIndex();
        int level = 0;
        while (start + level < line.length() && line.charAt(start + level) == '#') {
            level++;
        }
        int text = start + level;
        if (level == 0 || level > 6 || text >= line.length() || Character.isWhitespace(line.charAt(text))) {
            return BlockStart.none();
        }
        int end = trimmed(line, text, line.length());
        int closing = end;
        while (closing > text && line.charAt(closing - 1) == '#') {
            closing--;
        }
        if (closing < end && (closing == text || line.charAt(closing - 1) != '\\')) {
            end = trimmed(line, text, closing); // closing hashes go, but for an escaped one (C\#)
        }
        if (end == text) {
            return BlockStart.none();
        }
        return BlockStart.of(new HeadingParser(level, state.getLine().substring(text, end))).atIndex(line.length());
    }

    /** Where the text ends once the white space before {@code end} is left out. */
    private static int trimmed(CharSequence line, int from, int end) {
        while (end > from && Character.isWhitespace(line.charAt(end - 1))) {
            end--;
        }
        return end;
    }

    private static final class HeadingParser extends AbstractBlockParser {
        private final Heading heading = new Heading();
        private final SourceLine content;

        HeadingParser(int level, SourceLine content) {
            heading.setLevel(level);
            this.content = content;
        }

        @Override
        public Block getBlock() {
            return heading;
        }

        @Override
        public BlockContinue tryContinue(ParserState state) {
            return BlockContinue.none(); // one line
        }

        @Override
        public void parseInlines(InlineParser inlineParser) {
            inlineParser.parse(SourceLines.of(content), heading);
        }
    }
}
