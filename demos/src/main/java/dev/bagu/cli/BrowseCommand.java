package dev.bagu.cli;

import dev.bagu.demo.UserException;
import dev.bagu.i18n.Lang;
import dev.bagu.window.BrowseWindow;
import dev.bagu.window.PresenterWindow;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import dev.bagu.window.Displays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bagu browse}: a window with every demo in a tree by section. */
@Command(name = "browse", mixinStandardHelpOptions = true,
    description = "Open a window with every demo in a tree by section: explanation, live figure "
        + "and sliders; or, with --present, the projector view.")
final class BrowseCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;

  @Mixin LangOption langOption;

  @Option(names = "--present", description = "Full screen for a projector: the figure as large "
      + "as the screen allows, large text; ← → move between demos, F shows or hides the findings, "
      + "E the explanation, C the controls, Esc leaves.")
  boolean present;

  @Option(names = "--demo", paramLabel = "ID", description = "The demo to start at (default: the "
      + "first).")
  String first;

  @Override
  public Integer call() {
    if (!Displays.displayAvailable()) {
      throw new UserException("bagu browse needs a display, and there is none here (no DISPLAY"
          + " or a headless JVM); use 'bagu run ID --out DIR' to write figures instead");
    }
    Lang lang = langOption.lang();
    if (first != null) {
      root.registry.require(first);
    }
    if (present) {
      PresenterWindow.open(root.registry, first, lang);
    } else {
      BrowseWindow.open(root.registry, lang);
    }
    return 0;
  }
}
