package dev.bagu.gallery;

import dev.bagu.demo.Result;
import dev.bagu.i18n.Lang;

/**
 * The gallery's pieces for other pages that must look the same ({@code bagu serve}): its escaping
 * and its findings table, so there is one copy of each.
 */
public final class GalleryFragments {
  /** The gallery's style sheet, as a class-path resource name. */
  public static final String CSS_RESOURCE = "/dev/bagu/gallery/gallery.css";

  private GalleryFragments() {}

  /** {@code & < > " '} as entities: safe in element text and in quoted attributes. */
  public static String escape(String text) {
    return Html.escape(text);
  }

  /** The findings as the gallery's card shows them (measured values left out when asked). */
  public static String findingsTable(Result result, boolean showTimes, Lang l) {
    StringBuilder b = new StringBuilder();
    GalleryCard.findings(b, result, showTimes, l);
    return b.toString();
  }
}
