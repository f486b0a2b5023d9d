package dev.bagu.handout;

import dev.bagu.demo.UserException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts the handout embeds (as subsets, so the text stays real, selectable text): a Latin face
 * for text, symbols and maths, and for Chinese a TrueType face with CJK glyphs. PDFBox can subset
 * only TrueType outlines (glyf), so the OpenType/CFF Noto CJK that figures use won't do here;
 * WenQuanYi Micro Hei (Debian: fonts-wqy-microhei), Microsoft YaHei (Windows) and Droid Sans
 * Fallback are TrueType. Each character is drawn in the first face that has its glyph.
 */
final class HandoutFonts {
  /** Latin faces, regular then bold, by file name in the usual font folders. */
  private static final List<String> LATIN = List.of("DejaVuSans.ttf", "LiberationSans-Regular.ttf",
      "arial.ttf", "Arial.ttf");
  private static final List<String> LATIN_BOLD = List.of("DejaVuSans-Bold.ttf",
      "LiberationSans-Bold.ttf", "arialbd.ttf", "Arial Bold.ttf");
  private static final List<String> MONO = List.of("DejaVuSansMono.ttf",
      "LiberationMono-Regular.ttf", "consola.ttf", "cour.ttf");
  /** TrueType faces with Chinese glyphs: file name, and the face's name inside a collection. */
  private static final List<String[]> CJK = List.of(
      new String[] {"wqy-microhei.ttc", "WenQuanYiMicroHei"},
      new String[] {"msyh.ttc", "MicrosoftYaHei"},
      new String[] {"DroidSansFallbackFull.ttf", ""},
      new String[] {"wqy-zenhei.ttc", "WenQuanYiZenHei"},
      new String[] {"simhei.ttf", ""});
  private static final List<Path> FOLDERS = List.of(Path.of("/usr/share/fonts"),
      Path.of("/usr/local/share/fonts"), Path.of(System.getProperty("user.home"), ".fonts"),
      Path.of(System.getProperty("user.home"), ".local/share/fonts"),
      Path.of("C:\\Windows\\Fonts"), Path.of("/Library/Fonts"), Path.of("/System/Library/Fonts"));

  static final String HOW_TO_INSTALL_CJK = "the Chinese handout needs a TrueType font with "
      + "Chinese glyphs: install one (Debian/Ubuntu: apt-get install fonts-wqy-microhei; Windows "
      + "ships Microsoft YaHei)";

  final PDType0Font regular;
  final PDType0Font bold;
  final PDType0Font mono;
  /** Chinese face; null only in an English handout where none is installed. */
  final PDType0Font cjk;

  private HandoutFonts(PDType0Font regular, PDType0Font bold, PDType0Font mono, PDType0Font cjk) {
    this.regular = regular;
    this.bold = bold;
    this.mono = mono;
    this.cjk = cjk;
  }

  /** Loads the faces into doc; a Chinese face only when asked. */
  static HandoutFonts load(PDDocument doc, boolean chinese) throws IOException {
    Path latin = find(LATIN).orElseThrow(() -> new UserException("the handout needs a TrueType "
        + "font such as DejaVu Sans (Debian: apt-get install fonts-dejavu-core)"));
    PDType0Font regular = PDType0Font.load(doc, latin.toFile());
    PDType0Font bold = find(LATIN_BOLD).map(p -> load(doc, p)).orElse(regular);
    PDType0Font mono = find(MONO).map(p -> load(doc, p)).orElse(regular);
    // An English handout, too, shows the notes' Chinese topic names when a face is found.
    PDType0Font cjk = loadCjk(doc).orElse(null);
    if (chinese && cjk == null) {
      throw new UserException("--lang zh: " + HOW_TO_INSTALL_CJK);
    }
    return new HandoutFonts(regular, bold, mono, cjk);
  }

  /** True when a Chinese handout can be written here. */
  static boolean cjkAvailable() {
    return CJK.stream().anyMatch(c -> find(List.of(c[0])).isPresent());
  }

  private static PDType0Font load(PDDocument doc, Path p) {
    try {
      return PDType0Font.load(doc, p.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<PDType0Font> loadCjk(PDDocument doc) throws IOException {
    for (String[] c : CJK) {
      Optional<Path> file = find(List.of(c[0]));
      if (file.isEmpty()) {
        continue;
      }
      if (!c[0].endsWith(".ttc")) {
        return Optional.of(PDType0Font.load(doc, file.get().toFile()));
      }
      // The collection stays open while the document is written: the subset is made on save.
      TrueTypeCollection ttc = new TrueTypeCollection(file.get().toFile());
      List<TrueTypeFont> faces = new ArrayList<>();
      ttc.processAllFonts(f -> {
        if (faces.isEmpty() && f.getName() != null && f.getName().startsWith(c[1])) {
          faces.add(f);
        }
      });
      if (!faces.isEmpty()) {
        return Optional.of(PDType0Font.load(doc, faces.get(0), true));
      }
    }
    return Optional.empty();
  }

  /** Font file name → its path, the first in folder order (read from disk once). */
  private static volatile java.util.Map<String, Path> index;

  /** The first of these file names found under the usual font folders. */
  static Optional<Path> find(List<String> names) {
    java.util.Map<String, Path> files = index();
    return names.stream().map(files::get).filter(java.util.Objects::nonNull).findFirst();
  }

  private static java.util.Map<String, Path> index() {
    if (index == null) {
      java.util.Map<String, Path> found = new java.util.HashMap<>();
      for (Path folder : FOLDERS) {
        if (!Files.isDirectory(folder)) {
          continue;
        }
        try (var files = Files.walk(folder, 4)) {
          files.sorted().forEach(f -> found.putIfAbsent(f.getFileName().toString(), f));
        } catch (IOException | UncheckedIOException e) {
          // an unreadable folder: the others may do
        }
      }
      index = found;
    }
    return index;
  }

  /** Whether every character of text has a face here (else it would be drawn as '?'). */
  boolean canShow(String text) {
    return text.codePoints().allMatch(cp -> faceFor(regular, cp) != null);
  }

  /** The face that draws code point cp: the preferred one, else the Chinese one, else null. */
  PDType0Font faceFor(PDType0Font preferred, int cp) {
    if (has(preferred, cp)) {
      return preferred;
    }
    if (cjk != null && has(cjk, cp)) {
      return cjk;
    }
    if (has(regular, cp)) {
      return regular;
    }
    return null;
  }

  private final java.util.Map<PDType0Font, java.util.Map<Integer, Boolean>> glyphs =
      new java.util.HashMap<>();

  /** Whether the face maps this Unicode code point to a glyph (asked once, then remembered). */
  boolean has(PDType0Font font, int cp) {
    return glyphs.computeIfAbsent(font, f -> new java.util.HashMap<>()).computeIfAbsent(cp, c -> {
      try {
        font.encode(new String(Character.toChars(c)));
        return true;
      } catch (IllegalArgumentException | IOException e) {
        return false; // "No glyph for U+…"
      }
    });
  }
}
