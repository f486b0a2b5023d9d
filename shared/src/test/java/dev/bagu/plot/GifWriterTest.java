package dev.bagu.plot;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Random;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;
import org.junit.jupiter.api.Test;

class GifWriterTest {
  private static final int W = 300;
  private static final int H = 200;

  /** Palette colours: noise in the top half (forcing LZW table resets), flat below. */
  private static BufferedImage frame(int seed, int changedX, int changedY) {
    BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
    Random r = new Random(7);
    for (int y = 0; y < H; y++) {
      for (int x = 0; x < W; x++) {
        int i = y < H / 2 ? r.nextInt(255) : (x / 30) % 255; // 255 marks "unchanged"
        img.setRGB(x, y, GifWriter.PALETTE[i]);
      }
    }
    if (seed > 0) { // a 40 × 30 block changed
      for (int y = changedY; y < changedY + 30; y++) {
        for (int x = changedX; x < changedX + 40; x++) {
          img.setRGB(x, y, GifWriter.PALETTE[(x * seed + y) % 255]);
        }
      }
    }
    return img;
  }

  private static byte[] gif(BufferedImage... frames) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    GifWriter.write(out, frames.length, i -> frames[i], W, H, 500);
    return out.toByteArray();
  }

  @Test
  void decodesToTheSamePaletteColoursAndOnlyTheChangedRectangle() throws IOException {
    BufferedImage first = frame(0, 0, 0);
    BufferedImage second = frame(3, 100, 150);
    byte[] bytes = gif(first, second);
    try (ImageInputStream in = ImageIO.createImageInputStream(new ByteArrayInputStream(bytes))) {
      ImageReader reader = ImageIO.getImageReaders(in).next();
      reader.setInput(in);
      assertThat(reader.getNumImages(true)).isEqualTo(2);
      BufferedImage a = reader.read(0);
      assertThat(a.getWidth()).isEqualTo(W);
      byte[] firstIndices = GifWriter.indices(first, W, H);
      for (int y = 0; y < H; y++) {
        for (int x = 0; x < W; x++) {
          int decoded = a.getRGB(x, y) & 0xFFFFFF;
          // The LZW round trip is exact: the decoded colour is the palette entry we mapped to…
          assertThat(decoded).as("(%d, %d)", x, y)
              .isEqualTo(GifWriter.PALETTE[firstIndices[y * W + x] & 0xFF]);
          // … and that entry is within a 5-bit cell of the drawn colour.
          int drawn = first.getRGB(x, y);
          for (int shift : new int[] {0, 8, 16}) {
            assertThat(Math.abs((decoded >> shift & 0xFF) - (drawn >> shift & 0xFF)))
                .isLessThanOrEqualTo(16); // a 5-bit cell plus the palette spacing
          }
        }
      }
      BufferedImage b = reader.read(1); // the changed block only
      assertThat(b.getWidth()).isEqualTo(40);
      assertThat(b.getHeight()).isEqualTo(30);
      byte[] secondIndices = GifWriter.indices(second, W, H);
      int changed = 0;
      for (int y = 0; y < 30; y++) {
        for (int x = 0; x < 40; x++) {
          int at = (150 + y) * W + 100 + x;
          if (secondIndices[at] == firstIndices[at]) { // unchanged: transparent
            assertThat(b.getRGB(x, y) >>> 24).isZero();
          } else {
            changed++;
            assertThat(b.getRGB(x, y) & 0xFFFFFF)
                .isEqualTo(GifWriter.PALETTE[secondIndices[at] & 0xFF]);
          }
        }
      }
      assertThat(changed).isGreaterThan(1000);
    }
  }

  @Test
  void sameFramesSameBytes() throws IOException {
    assertThat(gif(frame(0, 0, 0), frame(5, 10, 10), frame(5, 10, 10)))
        .isEqualTo(gif(frame(0, 0, 0), frame(5, 10, 10), frame(5, 10, 10)));
  }

  @Test
  void paletteHasTheThemeColoursWhiteAndBlack() {
    assertThat(GifWriter.PALETTE).hasSize(256).contains(0xFFFFFF, 0x000000);
    // Nothing drawn maps to the "unchanged" entry.
    byte[] all = GifWriter.indices(frame(0, 0, 0), W, H);
    for (byte b : all) {
      assertThat(b & 0xFF).isNotEqualTo(GifWriter.TRANSPARENT);
    }
    for (int i = 0; i < Math.min(12, Theme.categoryCount()); i++) {
      assertThat(GifWriter.PALETTE).contains(Theme.category(i).getRGB() & 0xFFFFFF);
    }
  }

  /** The changed rectangle and its pixels, against the plain pixel-by-pixel definition. */
  @Test
  void patchIsTheBoundingBoxOfTheChangesWithTheRestTransparent() {
    Random r = new Random(3);
    int w = 37;
    int h = 23;
    for (int trial = 0; trial < 200; trial++) {
      byte[] previous = new byte[w * h];
      r.nextBytes(previous);
      byte[] px = previous.clone();
      int changes = trial % 5 == 0 ? 0 : 1 + r.nextInt(12);
      for (int c = 0; c < changes; c++) {
        px[r.nextInt(px.length)] ^= (byte) (1 + r.nextInt(254));
      }
      GifWriter.Patch patch = GifWriter.Patch.changed(px, previous, w, h);
      int x0 = w;
      int y0 = h;
      int x1 = -1;
      int y1 = -1;
      for (int i = 0; i < px.length; i++) {
        if (px[i] != previous[i]) {
          x0 = Math.min(x0, i % w);
          x1 = Math.max(x1, i % w);
          y0 = Math.min(y0, i / w);
          y1 = Math.max(y1, i / w);
        }
      }
      if (x1 < 0) {
        assertThat(new int[] {patch.x(), patch.y(), patch.width(), patch.height()})
            .containsExactly(0, 0, 1, 1);
        assertThat(patch.pixels()).containsExactly((byte) GifWriter.TRANSPARENT);
        continue;
      }
      assertThat(new int[] {patch.x(), patch.y(), patch.width(), patch.height()})
          .containsExactly(x0, y0, x1 - x0 + 1, y1 - y0 + 1);
      for (int y = y0; y <= y1; y++) {
        for (int x = x0; x <= x1; x++) {
          int i = y * w + x;
          byte expected = px[i] == previous[i] ? (byte) GifWriter.TRANSPARENT : px[i];
          assertThat(patch.pixels()[(y - y0) * (x1 - x0 + 1) + x - x0]).isEqualTo(expected);
        }
      }
    }
  }
}
