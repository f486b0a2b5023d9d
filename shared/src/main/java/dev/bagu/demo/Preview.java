package dev.bagu.demo;

import dev.bagu.i18n.Lang;

/**
 * Runs a demo as the window does while a slider moves: a preview when the parameters ask for one
 * and the demo {@linkplain Demo#hasPreview has one}, its figure stamped "preview" / "预览" in the
 * top-right corner so a quick, noisier figure is never mistaken for the final one.
 */
public final class Preview {
  private Preview() {}

  /** The stamp's word in a language. */
  public static String label(Lang lang) {
    return lang.t("preview", "预览");
  }

  /** Whether these parameters get a reduced run from this demo. */
  public static boolean reduces(Demo demo, Params p) {
    return p.preview() && demo.hasPreview();
  }

  /**
   * {@code demo.run(p)}, the figure stamped when it is a reduced preview. A demo without a
   * preview runs fully whatever the flag says; its figure is final and carries no stamp.
   */
  public static Result run(Demo demo, Params p) {
    Result result = demo.run(p);
    if (reduces(demo, p)) {
      result.figure().stamp(label(p.lang()));
    }
    return result;
  }
}
