package dev.journal.core.internal.markdown;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Block;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;

/**
 * Smart typography on the syntax tree: straight quotes become curly ones, {@code --} an en dash,
 * {@code ---} an em dash and {@code ...} an ellipsis. Works on text nodes only, so code, raw HTML
 * and URLs are never touched; quotes are decided with the whole block's text in view, so a quote
 * next to emphasis or code still curls the right way.
 */
final class SmartPunctuation {

    private static final char OBJECT = 'x';

    private SmartPunctuation() {
    }

    static void apply(Node document) {
        document.accept(new AbstractVisitor() {
            @Override
            protected void visitChildren(Node parent) {
                if (parent instanceof Block && hasInlineChildren(parent)) {
                    smarten(parent);
                } else {
                    super.visitChildren(parent);
                }
            }
        });
    }

    private static boolean hasInlineChildren(Node block) {
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof Block)) {
                return true;
            }
        }
        return false;
    }

    /** Collects the block's text nodes and one stand-in character for everything else. */
    private static void smarten(Node block) {
        List<Text> texts = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        StringBuilder all = new StringBuilder();
        collect(block, texts, starts, all);
        if (texts.isEmpty()) {
            return;
        }
        String in = all.toString();
        for (int t = 0; t < texts.size(); t++) {
            int start = starts.get(t);
            int end = start + texts.get(t).getLiteral().length();
            texts.get(t).setLiteral(convert(in, start, end));
        }
    }

    private static void collect(Node parent, List<Text> texts, List<Integer> starts, StringBuilder all) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text text) {
                texts.add(text);
                starts.add(all.length());
                all.append(text.getLiteral());
            } else if (n instanceof SoftLineBreak || n instanceof HardLineBreak) {
                all.append(' ');
            } else if (n instanceof Code || isAutolink(n) || n instanceof Block) {
                all.append(OBJECT);
            } else if (n.getFirstChild() != null) {
                collect(n, texts, starts, all);
            } else {
                all.append(OBJECT);
            }
        }
    }

    private static boolean isAutolink(Node n) {
        if (!(n instanceof Link link) || !(link.getFirstChild() instanceof Text text)) {
            return false;
        }
        String dest = link.getDestination();
        String literal = text.getLiteral();
        return dest.equals(literal) || dest.equals("mailto:" + literal) || dest.equals("http://" + literal);
    }

    /** Smart typography for a plain text such as a title, taken as one block. */
    static String text(String plain) {
        return convert(plain, 0, plain.length());
    }

    /** The text of {@code all} from {@code start} to {@code end}, its punctuation made smart. */
    private static String convert(String all, int start, int end) {
        StringBuilder out = null;
        int copied = start; // all before this is in out
        for (int i = start; i < end; i++) {
            char c = all.charAt(i);
            char smart;
            int length = 1;
            if (c == '.' && i + 2 < end && all.charAt(i + 1) == '.' && all.charAt(i + 2) == '.') {
                smart = '\u2026';
                length = 3;
            } else if (c == '-' && i + 1 < end && all.charAt(i + 1) == '-') {
                boolean em = i + 2 < end && all.charAt(i + 2) == '-';
                smart = em ? '\u2014' : '\u2013';
                length = em ? 3 : 2;
            } else if (c == '"') {
                smart = opens(all, i) ? '\u201C' : '\u201D';
            } else if (c == '\'') {
                boolean inWord = i > 0 && Character.isLetterOrDigit(all.charAt(i - 1))
                        && i + 1 < all.length() && Character.isLetterOrDigit(all.charAt(i + 1));
                smart = !inWord && opens(all, i) ? '\u2018' : '\u2019';
            } else {
                continue;
            }
            if (out == null) {
                out = new StringBuilder(end - start);
            }
            out.append(all, copied, i).append(smart);
            i += length - 1;
            copied = i + 1;
        }
        if (out == null) {
            return all.substring(start, end);
        }
        return out.append(all, copied, end).toString();
    }

    /** A quote opens when it follows a space, an opening bracket or a dash, and precedes text. */
    private static boolean opens(String all, int i) {
        boolean spaceAfter = i + 1 >= all.length() || Character.isWhitespace(all.charAt(i + 1));
        if (spaceAfter) {
            return false;
        }
        if (i == 0) {
            return true;
        }
        char before = all.charAt(i - 1);
        return Character.isWhitespace(before) || "([{\u2014\u2013-/\u201C\u2018".indexOf(before) >= 0;
    }
}
