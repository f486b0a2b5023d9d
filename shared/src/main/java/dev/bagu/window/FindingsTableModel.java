package dev.bagu.window;

import dev.bagu.demo.Finding;
import dev.bagu.plot.Numbers;
import java.util.List;
import javax.swing.table.AbstractTableModel;

/**
 * The findings of the latest run as table rows: what it is, the value computed here, its unit, and
 * the value a paper or theory gives with its source. Numbers are shown as text through
 * {@link Numbers#readable}, the same format as the figures and the CLI, so all three agree.
 */
final class FindingsTableModel extends AbstractTableModel {
  static final List<String> COLUMNS = List.of("Finding", "Value", "Unit", "Reference", "Source");
  static final int VALUE = 1;
  static final int REFERENCE = 3;

  static final List<String> COLUMNS_ZH = List.of("结果", "数值", "单位", "参考值", "出处");

  private List<Finding> findings = List.of();
  private dev.bagu.i18n.Lang lang = dev.bagu.i18n.Lang.EN;

  /** The column names' language; call on the event thread. */
  void language(dev.bagu.i18n.Lang l) {
    if (l != lang) {
      lang = l;
      fireTableStructureChanged();
    }
  }

  /** Replaces every row; call on the event thread. */
  void setFindings(List<Finding> next) {
    this.findings = List.copyOf(next);
    fireTableDataChanged();
  }

  List<Finding> findings() {
    return findings;
  }

  @Override
  public int getRowCount() {
    return findings.size();
  }

  @Override
  public int getColumnCount() {
    return COLUMNS.size();
  }

  @Override
  public String getColumnName(int column) {
    return (lang == dev.bagu.i18n.Lang.ZH ? COLUMNS_ZH : COLUMNS).get(column);
  }

  @Override
  public Class<?> getColumnClass(int column) {
    return String.class;
  }

  @Override
  public String getValueAt(int row, int column) {
    Finding f = findings.get(row);
    return switch (column) {
      // A time or size measured on this machine differs from run to run; say so.
      case 0 -> f.measured() ? f.label() + lang.t(" (this machine)", "（本机实测）") : f.label();
      case VALUE -> Numbers.readable(f.value());
      case 2 -> f.unit();
      case REFERENCE -> f.reference().map(r -> r.describe(Numbers::readable)).orElse("");
      case 4 -> f.reference().map(Finding.Reference::source).orElse("");
      default -> throw new IndexOutOfBoundsException("no column " + column);
    };
  }
}
