package dev.bagu.handout;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;

/**
 * An explanation's Markdown as the few kinds of block the handout prints, read from commonmark's
 * parse tree: headings, paragraphs, list items and code. Inline code keeps its text; emphasis is
 * dropped (the handout's text is one face).
 */
final class MarkdownBlocks {
  enum Kind { HEADING, PARAGRAPH, ITEM, CODE }

  record Block(Kind kind, String text) {}

  private static final Parser PARSER = Parser.builder().build();

  private MarkdownBlocks() {}

  static List<Block> of(String markdown) {
    List<Block> blocks = new ArrayList<>();
    for (Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
      add(n, blocks);
    }
    return blocks;
  }

  private static void add(Node n, List<Block> blocks) {
    if (n instanceof Heading h) {
      blocks.add(new Block(Kind.HEADING, inline(h)));
    } else if (n instanceof BulletList || n instanceof OrderedList) {
      int number = n instanceof OrderedList o ? o.getMarkerStartNumber() : 0;
      for (Node item = n.getFirstChild(); item != null; item = item.getNext()) {
        if (item instanceof ListItem) {
          String prefix = number > 0 ? (number++) + ". " : "";
          StringBuilder text = new StringBuilder(prefix);
          for (Node c = item.getFirstChild(); c != null; c = c.getNext()) {
            text.append(text.length() > prefix.length() ? " " : "").append(inline(c));
          }
          blocks.add(new Block(Kind.ITEM, text.toString()));
        }
      }
    } else if (n instanceof IndentedCodeBlock code) {
      blocks.add(new Block(Kind.CODE, code.getLiteral().stripTrailing()));
    } else if (n instanceof FencedCodeBlock code) {
      blocks.add(new Block(Kind.CODE, code.getLiteral().stripTrailing()));
    } else if (n instanceof Paragraph) {
      blocks.add(new Block(Kind.PARAGRAPH, inline(n)));
    } else {
      String text = inline(n);
      if (!text.isBlank()) {
        blocks.add(new Block(Kind.PARAGRAPH, text));
      }
    }
  }

  /** The text of a node's inline content: soft breaks become spaces, hard breaks new lines. */
  static String inline(Node node) {
    StringBuilder b = new StringBuilder();
    appendInline(node, b);
    return b.toString().strip();
  }

  private static void appendInline(Node node, StringBuilder b) {
    for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
      if (n instanceof Text t) {
        b.append(t.getLiteral());
      } else if (n instanceof Code c) {
        b.append(c.getLiteral());
      } else if (n instanceof SoftLineBreak) {
        b.append(' ');
      } else if (n instanceof HardLineBreak) {
        b.append('\n');
      } else {
        appendInline(n, b);
      }
    }
  }
}
