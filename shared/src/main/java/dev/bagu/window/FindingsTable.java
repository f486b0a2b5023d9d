package dev.bagu.window;

import java.awt.Component;
import java.awt.Dimension;
import javax.swing.JComponent;
import javax.swing.JScrollPane;
import javax.swing.JTable;
import javax.swing.SwingConstants;
import javax.swing.table.DefaultTableCellRenderer;
import javax.swing.table.TableColumn;
import javax.swing.table.TableColumnModel;

/** The findings table: readable row height, numbers right-aligned, full text in tooltips. */
final class FindingsTable {
  private FindingsTable() {}

  /** The table in a scroll pane about six rows tall. */
  static JScrollPane scrolling(FindingsTableModel model) {
    JTable table = new JTable(model);
    table.setFont(WindowStyle.TEXT);
    table.getTableHeader().setFont(WindowStyle.BOLD);
    table.setRowHeight(table.getFontMetrics(WindowStyle.TEXT).getHeight() + 8);
    table.setFillsViewportHeight(true);
    table.setAutoCreateRowSorter(false); // declaration order is the demo's reading order
    table.getTableHeader().setReorderingAllowed(false);
    table.setShowVerticalLines(false);

    TipRenderer left = new TipRenderer(SwingConstants.LEFT);
    TipRenderer right = new TipRenderer(SwingConstants.RIGHT);
    TableColumnModel columns = table.getColumnModel();
    int[] widths = {200, 80, 50, 110, 180};
    for (int i = 0; i < widths.length; i++) {
      boolean number = i == FindingsTableModel.VALUE || i == FindingsTableModel.REFERENCE;
      TableColumn column = columns.getColumn(i);
      column.setPreferredWidth(widths[i]);
      column.setCellRenderer(number ? right : left);
      if (number) {
        // A cut number ("0.66…") misleads; labels and sources may be cut (the tooltip has them).
        column.setMinWidth(numberWidth(table, FindingsTableModel.COLUMNS.get(i)));
      }
    }

    JScrollPane scroll = new JScrollPane(table);
    int height = table.getRowHeight() * 6 + table.getTableHeader().getPreferredSize().height + 4;
    scroll.setPreferredSize(new Dimension(480, height));
    scroll.setMinimumSize(new Dimension(200, table.getRowHeight() * 2));
    return scroll;
  }

  /** Wide enough for the header and the longest number {@code Numbers.readable} writes. */
  private static int numberWidth(JTable table, String header) {
    int text = table.getFontMetrics(WindowStyle.TEXT).stringWidth("-1.234e-05");
    int head = table.getFontMetrics(WindowStyle.BOLD).stringWidth(header);
    return Math.max(text, head) + 16;
  }

  /** Shows each cell's text as its tooltip: a narrow column cuts labels and sources short. */
  private static final class TipRenderer extends DefaultTableCellRenderer {
    TipRenderer(int alignment) {
      setHorizontalAlignment(alignment);
    }

    @Override
    public Component getTableCellRendererComponent(JTable table, Object value,
        boolean selected, boolean focused, int row, int column) {
      Component c = super.getTableCellRendererComponent(table, value, selected, focused, row,
          column);
      String text = value == null ? "" : value.toString();
      ((JComponent) c).setToolTipText(text.isEmpty() ? null : text);
      return c;
    }
  }
}
