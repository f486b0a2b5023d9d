package dev.bagu.nn;

import dev.bagu.demo.Memo;
import dev.bagu.math.Rng;
import java.util.Arrays;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.QRDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * A uniformly random (Haar) orthogonal matrix, cut to shape: QR of a Gaussian matrix with the
 * signs of R's diagonal moved into Q (Mezzadri 2007), so that rows (if wide) or columns (if tall)
 * are orthonormal. Commons Math does the Householder QR.
 *
 * <p>The QR is memoised by the Gaussian draw itself. A net's layers are drawn in order from one
 * stream, so nets of every depth draw the same first layers: a depth slider's move in
 * {@code weight-init} orthogonalised every layer again, a quarter of its preview. The draw is
 * still made (the stream advances as before) and compared entry by entry, so a reused Q is
 * exactly the one a fresh QR gives.
 */
final class OrthogonalDraw {
  private OrthogonalDraw() {}

  /** A Gaussian draw as a key: equal when every entry is. */
  private static final class Draw {
    final double[][] g;
    final int hash;

    Draw(double[][] g) {
      this.g = g;
      this.hash = Arrays.deepHashCode(g);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Draw d && d.hash == hash && Arrays.deepEquals(d.g, g);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  /** Q with R's signs, (tall, thin), of the last draws: a deep net's worth at width 256 is 32 MB. */
  private static final Memo<Draw, double[][]> ORTHOGONALISED = new Memo<>(64);

  /** Fills w (n_out, n_in) with a Haar orthogonal matrix drawn from rng. */
  static void fill(double[][] w, Rng rng) {
    int rows = w.length;
    int cols = w[0].length;
    int tall = Math.max(rows, cols);
    int thin = Math.min(rows, cols);
    double[][] g = new double[tall][thin];
    for (double[] row : g) {
      rng.fillGaussian(row);
    }
    double[][] q = ORTHOGONALISED.get(new Draw(g), d -> orthogonalise(d.g));
    for (int i = 0; i < tall; i++) {
      for (int j = 0; j < thin; j++) {
        if (rows >= cols) {
          w[i][j] = q[i][j];
        } else {
          w[j][i] = q[i][j]; // wide: transpose, so the rows are orthonormal
        }
      }
    }
  }

  /** The first thin columns of Q, each times the sign of R's diagonal entry; g is (tall, thin). */
  private static double[][] orthogonalise(double[][] g) {
    int tall = g.length;
    int thin = g[0].length;
    QRDecomposition qr = new QRDecomposition(new Array2DRowRealMatrix(g, false));
    RealMatrix q = qr.getQ(); // (tall, tall); its first `thin` columns span g's columns
    RealMatrix r = qr.getR();
    double[][] out = new double[tall][thin];
    for (int i = 0; i < tall; i++) {
      for (int j = 0; j < thin; j++) {
        out[i][j] = q.getEntry(i, j) * Math.signum(r.getEntry(j, j));
      }
    }
    return out;
  }
}
