package dev.bagu.plot;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;

/**
 * An animated GIF encoder for figures. A figure uses only the theme's colours, their tints (a box
 * drawn at some opacity over white) and greys (text, axes, anti-aliasing), so every frame is mapped
 * to one fixed 256-colour palette of exactly those, through a lookup table built once, instead of
 * a palette learnt anew for every frame (NeuQuant, which the old encoder ran per frame, cost most
 * of the time and gave every frame slightly different colours). Each frame after the first stores
 * only the rectangle where it differs from the one before. Frames are drawn, mapped and
 * LZW-compressed in parallel and written in order, so the bytes never depend on the threads.
 */
public final class GifWriter {
  private GifWriter() {}

  /** The palette: 256 RGB colours. */
  static final int[] PALETTE = palette();
  /** Palette index of every colour quantised to 5 bits per channel (r, g, b: 15 bits). */
  private static final byte[] NEAREST = nearestTable(PALETTE);

  /**
   * Writes {@code count} frames, frame i drawn by {@code frame.apply(i)} (called from several
   * threads at once), each shown for delayMillis, looping forever.
   */
  public static void write(OutputStream out, int count, IntFunction<BufferedImage> frame,
      int width, int height, int delayMillis) throws IOException {
    byte[][] indexed = each(count, i -> indices(frame.apply(i), width, height));
    byte[][] encoded = each(count, i -> frameBlock(indexed[i], i == 0 ? null : indexed[i - 1],
        width, height, delayMillis));
    out.write("GIF89a".getBytes(StandardCharsets.US_ASCII));
    short16(out, width);
    short16(out, height);
    out.write(0xF7); // global colour table of 2^(7+1) = 256 entries, 8 bits per primary
    out.write(0); // background: palette entry 0 (white)
    out.write(0); // square pixels
    for (int rgb : PALETTE) {
      out.write(rgb >> 16 & 0xFF);
      out.write(rgb >> 8 & 0xFF);
      out.write(rgb & 0xFF);
    }
    // NETSCAPE2.0 application extension: loop forever.
    out.write(new byte[] {0x21, (byte) 0xFF, 0x0B});
    out.write("NETSCAPE2.0".getBytes(StandardCharsets.US_ASCII));
    out.write(new byte[] {0x03, 0x01, 0x00, 0x00, 0x00});
    for (byte[] block : encoded) {
      out.write(block);
    }
    out.write(0x3B);
  }

  /** f(0), …, f(count − 1), the frames at the same time ({@link ForkAll}). */
  private static byte[][] each(int count, IntFunction<byte[]> f) {
    byte[][] out = new byte[count][];
    List<Runnable> tasks = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      int frame = i;
      tasks.add(() -> out[frame] = f.apply(frame));
    }
    ForkAll.run(tasks, true);
    return out;
  }

  /**
   * White, then each theme category colour at 14 strengths over white (a box's opacity), then
   * three darker shades of each, then greys from black to white, and last the entry that marks
   * a pixel unchanged since the previous frame: 256 in all.
   */
  static int[] palette() {
    List<Integer> p = new ArrayList<>();
    p.add(0xFFFFFF);
    int categories = Math.min(Theme.categoryCount(), 12);
    double[] alphas = {1, 0.9, 0.8, 0.7, 0.6, 0.5, 0.42, 0.35, 0.28, 0.22, 0.16, 0.11, 0.07, 0.04};
    for (int i = 0; i < categories; i++) {
      Color c = Theme.category(i);
      for (double a : alphas) {
        p.add(blend(c, Color.WHITE, a));
      }
      for (double a : new double[] {0.75, 0.55, 0.35}) {
        p.add(blend(c, Color.BLACK, a));
      }
    }
    int greys = 256 - p.size() - 1; // the last entry is left for "unchanged" (transparent)
    for (int i = 0; i < greys; i++) {
      int v = (int) Math.round(255.0 * i / (greys - 1));
      p.add(v << 16 | v << 8 | v);
    }
    p.add(0xFF00FF); // TRANSPARENT: never the nearest colour of anything drawn (see nearestTable)
    return p.stream().mapToInt(Integer::intValue).toArray();
  }

  /** The palette index that marks a pixel unchanged since the previous frame. */
  static final int TRANSPARENT = 255;

  /** c at opacity a over background bg, as an RGB int. */
  private static int blend(Color c, Color bg, double a) {
    int r = (int) Math.round(a * c.getRed() + (1 - a) * bg.getRed());
    int g = (int) Math.round(a * c.getGreen() + (1 - a) * bg.getGreen());
    int b = (int) Math.round(a * c.getBlue() + (1 - a) * bg.getBlue());
    return r << 16 | g << 8 | b;
  }

  /**
   * For each 15-bit colour, the nearest palette entry to v·255/31 per channel (so the cells of
   * pure white and black map exactly to white and black, not to a faint tint beside them).
   */
  private static byte[] nearestTable(int[] palette) {
    byte[] table = new byte[1 << 15];
    // Sequential: a parallel stream in a static initialiser deadlocks (its workers wait for the
    // class to finish initialising). About 7 M distance tests, once per JVM.
    for (int r5 = 0; r5 < 32; r5++) {
      for (int g5 = 0; g5 < 32; g5++) {
        for (int b5 = 0; b5 < 32; b5++) {
          int r = r5 * 255 / 31;
          int g = g5 * 255 / 31;
          int b = b5 * 255 / 31;
          int best = 0;
          long bestD = Long.MAX_VALUE;
          for (int i = 0; i < TRANSPARENT; i++) {
            int dr = r - (palette[i] >> 16 & 0xFF);
            int dg = g - (palette[i] >> 8 & 0xFF);
            int db = b - (palette[i] & 0xFF);
            long d = 3L * dr * dr + 4L * dg * dg + 2L * db * db; // the eye weighs green most
            if (d < bestD) {
              bestD = d;
              best = i;
            }
          }
          table[r5 << 10 | g5 << 5 | b5] = (byte) best;
        }
      }
    }
    return table;
  }

  /** The image as palette indices, row by row, (width × height). */
  static byte[] indices(BufferedImage img, int width, int height) {
    // Straight from the pixel buffer when it is plain RGB ints (getRGB converts pixel by pixel).
    int[] rgb = img.getType() == BufferedImage.TYPE_INT_RGB && img.getWidth() == width
        && img.getHeight() == height
        && img.getRaster().getDataBuffer() instanceof java.awt.image.DataBufferInt ints
        && ints.getNumBanks() == 1 && ints.getData().length == width * height
        ? ints.getData() : img.getRGB(0, 0, width, height, null, 0, width);
    byte[] out = new byte[rgb.length];
    int last = 0xFFFFFF; // a figure is mostly runs of one colour, most of them white
    byte index = NEAREST[0x7FFF];
    for (int i = 0; i < rgb.length; i++) {
      int c = rgb[i] & 0xFFFFFF;
      if (c != last) {
        last = c;
        index = NEAREST[(c >> 9 & 0x7C00) | (c >> 6 & 0x3E0) | (c >> 3 & 0x1F)];
      }
      out[i] = index;
    }
    return out;
  }

  /**
   * One frame: graphic control extension (delay, keep the previous frame underneath), image
   * descriptor of the rectangle that changed since the previous frame (all of it for the first;
   * one pixel when nothing changed), and its LZW data.
   */
  private static byte[] frameBlock(byte[] px, byte[] previous, int width, int height,
      int delayMillis) {
    Patch patch = previous == null ? new Patch(0, 0, width, height, px)
        : Patch.changed(px, previous, width, height);
    byte[] sub = patch.pixels();
    ByteArrayOutputStream out = new ByteArrayOutputStream(sub.length / 8 + 64);
    int delay = Math.round(delayMillis / 10f);
    // Disposal 1 (leave the frame in place for the next to draw over); from the second frame on,
    // TRANSPARENT pixels show the previous frame through.
    out.writeBytes(new byte[] {0x21, (byte) 0xF9, 0x04, (byte) (previous == null ? 0x04 : 0x05),
        (byte) delay, (byte) (delay >> 8), (byte) TRANSPARENT, 0x00});
    out.write(0x2C);
    short16(out, patch.x());
    short16(out, patch.y());
    short16(out, patch.width());
    short16(out, patch.height());
    out.write(0); // no local colour table, not interlaced
    lzw(sub, out);
    return out.toByteArray();
  }

  /** The rectangle x, y, width × height of a frame to store, and its pixels row by row. */
  record Patch(int x, int y, int width, int height, byte[] pixels) {
    /**
     * The smallest rectangle holding every pixel of px that differs from previous (one pixel
     * when none does), with the pixels inside it that did not change set to TRANSPARENT: long
     * runs, which LZW packs into few codes. Rows are compared eight bytes at a time
     * ({@link Arrays#mismatch}), and a row's right end is searched only beyond the box so far.
     */
    static Patch changed(byte[] px, byte[] previous, int width, int height) {
      int x0 = width;
      int x1 = -1;
      int y0 = -1;
      int y1 = -1;
      for (int y = 0; y < height; y++) {
        int row = y * width;
        int first = Arrays.mismatch(px, row, row + width, previous, row, row + width);
        if (first < 0) {
          continue;
        }
        if (y0 < 0) {
          y0 = y;
        }
        y1 = y;
        x0 = Math.min(x0, first);
        for (int x = width - 1; x > x1 && x >= first; x--) {
          if (px[row + x] != previous[row + x]) {
            x1 = x;
            break;
          }
        }
      }
      if (y0 < 0) { // unchanged: one pixel, left as it was
        return new Patch(0, 0, 1, 1, new byte[] {(byte) TRANSPARENT});
      }
      int w = x1 - x0 + 1;
      int h = y1 - y0 + 1;
      byte[] sub = new byte[w * h];
      for (int y = 0; y < h; y++) {
        int from = (y0 + y) * width + x0;
        int to = y * w;
        int x = 0;
        while (x < w) { // a run of unchanged pixels, then a run of changed ones
          int same = Arrays.mismatch(px, from + x, from + w, previous, from + x, from + w);
          int changedAt = same < 0 ? w : x + same;
          Arrays.fill(sub, to + x, to + changedAt, (byte) TRANSPARENT);
          x = changedAt;
          while (x < w && px[from + x] != previous[from + x]) {
            sub[to + x] = px[from + x];
            x++;
          }
        }
      }
      return new Patch(x0, y0, w, h, sub);
    }
  }

  /**
   * Slots of the LZW dictionary's open-addressing table: a power of two, so a slot is a mask
   * away (no division per pixel), and at most 3,838 entries fill under half of it.
   */
  private static final int TABLE_BITS = 13;

  /**
   * GIF's variable-length LZW of 8-bit indices, in data sub-blocks, then the terminator. The
   * dictionary maps (prefix code, next index) to a code through a small open-addressing table
   * (Fibonacci hashing, linear probing), which stays in the cache where a direct 2^20 table would
   * not. The codes depend only on the dictionary, not on how it is stored.
   */
  static void lzw(byte[] px, ByteArrayOutputStream out) {
    out.write(8); // minimum code size
    Bits bits = new Bits(out);
    final int clear = 256;
    final int end = 257;
    int mask = (1 << TABLE_BITS) - 1;
    int[] keys = new int[1 << TABLE_BITS]; // (next index << 12 | prefix code) + 1; 0 = empty
    int[] codes = new int[1 << TABLE_BITS];
    int next = 258;
    int size = 9;
    bits.put(clear, size);
    int prefix = px[0] & 0xFF;
    for (int i = 1; i < px.length; i++) {
      int k = px[i] & 0xFF;
      int key = (k << 12 | prefix) + 1;
      int h = key * 0x9E3779B1 >>> (32 - TABLE_BITS);
      boolean found = false;
      while (keys[h] != 0) {
        if (keys[h] == key) {
          found = true;
          break;
        }
        h = h + 1 & mask;
      }
      if (found) {
        prefix = codes[h];
        continue;
      }
      bits.put(prefix, size);
      // The decoder's table lags the encoder's by one entry: widen the codes once it, too,
      // has an entry that needs the extra bit.
      if (next > (1 << size) - 1 && size < 12) {
        size++;
      }
      if (next < 4096) {
        keys[h] = key; // h is the empty slot the probe stopped at
        codes[h] = next++;
      } else { // table full: start afresh
        bits.put(clear, size);
        Arrays.fill(keys, 0);
        next = 258;
        size = 9;
      }
      prefix = k;
    }
    bits.put(prefix, size);
    if (next > (1 << size) - 1 && size < 12) {
      size++;
    }
    bits.put(end, size);
    bits.finish();
  }

  /** Codes packed least significant bit first into sub-blocks of at most 255 bytes. */
  private static final class Bits {
    private final ByteArrayOutputStream out;
    private final byte[] block = new byte[255];
    private int used;
    private int acc;
    private int count;

    Bits(ByteArrayOutputStream out) {
      this.out = out;
    }

    void put(int code, int size) {
      acc |= code << count;
      count += size;
      while (count >= 8) {
        byteOut(acc & 0xFF);
        acc >>>= 8;
        count -= 8;
      }
    }

    private void byteOut(int b) {
      block[used++] = (byte) b;
      if (used == 255) {
        flushBlock();
      }
    }

    private void flushBlock() {
      if (used > 0) {
        out.write(used);
        out.write(block, 0, used);
        used = 0;
      }
    }

    void finish() {
      if (count > 0) {
        byteOut(acc & 0xFF);
        acc = 0;
        count = 0;
      }
      flushBlock();
      out.write(0); // block terminator
    }
  }

  private static void short16(OutputStream out, int v) throws IOException {
    out.write(v & 0xFF);
    out.write(v >> 8 & 0xFF);
  }

  private static void short16(ByteArrayOutputStream out, int v) {
    out.write(v & 0xFF);
    out.write(v >> 8 & 0xFF);
  }
}
