package dev.bagu.cli;

import dev.bagu.demo.UserException;
import dev.bagu.window.BrowseWindow;
import dev.bagu.window.Displays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

/** {@code bagu browse}: a window with every demo in a tree by section. */
@Command(name = "browse", mixinStandardHelpOptions = true,
    description = "Open a window with every demo in a tree by section: explanation, live figure "
        + "and sliders.")
final class BrowseCommand implements Callable<Integer> {
  @ParentCommand BaguCommand root;

  @Override
  public Integer call() {
    if (!Displays.displayAvailable()) {
      throw new UserException("bagu browse needs a display, and there is none here (no DISPLAY"
          + " or a headless JVM); use 'bagu run ID --out DIR' to write figures instead");
    }
    BrowseWindow.open(root.registry);
    return 0;
  }
}
