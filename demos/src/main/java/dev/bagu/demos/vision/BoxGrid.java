package dev.bagu.demos.vision;

/**
 * A uniform grid over boxes, so that NMS compares a kept box only with boxes near it instead of
 * with every later box. Each box is listed in every cell its rectangle touches (cells about the
 * size of an average box, so a box touches a few); the boxes that intersect a box are then among
 * those listed in the cells it touches. Lists are in ascending box position, since boxes are added
 * in position (score) order.
 *
 * <p>Built once per NMS call in O(n + entries); stored in compressed rows: the boxes of cell c
 * are {@code items[start[c]] … items[start[c + 1] − 1]}.
 */
final class BoxGrid {
  final int[] start;
  final int[] items;
  private final double minX;
  private final double minY;
  private final double cell;
  private final int cols;
  private final int rows;

  BoxGrid(double[] x1, double[] y1, double[] x2, double[] y2) {
    int n = x1.length;
    double loX = Double.POSITIVE_INFINITY;
    double loY = Double.POSITIVE_INFINITY;
    double hiX = Double.NEGATIVE_INFINITY;
    double hiY = Double.NEGATIVE_INFINITY;
    double size = 0;
    for (int i = 0; i < n; i++) {
      loX = Math.min(loX, x1[i]);
      loY = Math.min(loY, y1[i]);
      hiX = Math.max(hiX, x2[i]);
      hiY = Math.max(hiY, y2[i]);
      size += Math.max(x2[i] - x1[i], y2[i] - y1[i]);
    }
    double spanX = Math.max(hiX - loX, 1e-9);
    double spanY = Math.max(hiY - loY, 1e-9);
    // Cells about an average box wide, but never more cells than 4n (a sparse scene of tiny
    // boxes would otherwise allocate a huge empty grid).
    double c = Math.max(size / Math.max(n, 1), 1e-9);
    c = Math.max(c, Math.sqrt(spanX * spanY / (4.0 * Math.max(n, 1))));
    this.minX = loX;
    this.minY = loY;
    this.cell = c;
    this.cols = (int) Math.min(Math.floor(spanX / c) + 1, Integer.MAX_VALUE / 4);
    this.rows = (int) Math.min(Math.floor(spanY / c) + 1, Integer.MAX_VALUE / 4);
    int[] count = new int[cols * rows + 1];
    for (int i = 0; i < n; i++) {
      for (int r = row(y1[i]); r <= row(y2[i]); r++) {
        for (int q = col(x1[i]); q <= col(x2[i]); q++) {
          count[r * cols + q + 1]++;
        }
      }
    }
    for (int k = 1; k < count.length; k++) {
      count[k] += count[k - 1];
    }
    this.start = count.clone();
    this.items = new int[count[count.length - 1]];
    int[] fill = count; // reused as the next free slot of each cell
    for (int i = 0; i < n; i++) {
      for (int r = row(y1[i]); r <= row(y2[i]); r++) {
        for (int q = col(x1[i]); q <= col(x2[i]); q++) {
          items[fill[r * cols + q]++] = i;
        }
      }
    }
  }

  int col(double x) {
    return Math.min(cols - 1, Math.max(0, (int) ((x - minX) / cell)));
  }

  int row(double y) {
    return Math.min(rows - 1, Math.max(0, (int) ((y - minY) / cell)));
  }

  int cols() {
    return cols;
  }
}
