package dev.bagu.window;

import dev.bagu.i18n.Lang;
import dev.bagu.demo.Demo;
import dev.bagu.demo.DemoInfo;
import dev.bagu.demo.Params;
import dev.bagu.demo.Registry;
import dev.bagu.demo.Section;
import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dimension;
import java.awt.event.MouseEvent;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.swing.BorderFactory;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JSplitPane;
import javax.swing.JTree;
import javax.swing.SwingConstants;
import javax.swing.ToolTipManager;
import javax.swing.tree.DefaultMutableTreeNode;
import javax.swing.tree.DefaultTreeModel;
import javax.swing.tree.TreePath;
import javax.swing.tree.TreeSelectionModel;

/**
 * Every demo in one window: a tree of sections and demos on the left, the selected demo's live
 * {@link DemoView} on the right. Views are built when first selected and then kept, so going back
 * to a demo finds its sliders where they were left.
 */
public final class BrowseWindow {
  /** A demo in the tree; its text is what the tree shows. */
  record DemoNode(Demo demo, Lang lang) {
    DemoNode(Demo demo) {
      this(demo, Lang.EN);
    }

    @Override
    public String toString() {
      return label(demo.info(), lang);
    }
  }

  private final JPanel cards = new JPanel(new CardLayout());
  private final JFrame frame = new JFrame();
  private final Map<String, DemoView> views = new LinkedHashMap<>();
  private final Lang lang;

  private BrowseWindow(Lang lang) {
    this.lang = lang;
  }

  /**
   * Opens the browser with the first demo selected; returns once it is on screen.
   *
   * @throws dev.bagu.demo.UserException when there is no display (headless Java)
   */
  public static void open(Registry registry) {
    open(registry, Lang.EN);
  }

  /** The same, with the tree, the figures and the texts in a language. */
  public static void open(Registry registry, Lang lang) {
    Objects.requireNonNull(registry, "registry");
    Displays.require("the demo browser");
    Displays.onEventThread(() -> {
      WindowStyle.install();
      new BrowseWindow(lang).build(registry);
    });
  }

  /** "softmax-scaling — Why attention divides by √d_k (除以根号 d_k)" */
  static String label(DemoInfo info) {
    return label(info, Lang.EN);
  }

  static String label(DemoInfo info, Lang lang) {
    return info.id() + " — " + info.title(lang) + " (" + info.seedTopic() + ")";
  }

  /** Root "Bagu", one node per section in catalogue order, its demos under it. */
  static DefaultMutableTreeNode tree(Registry registry) {
    return tree(registry, Lang.EN);
  }

  static DefaultMutableTreeNode tree(Registry registry, Lang lang) {
    DefaultMutableTreeNode root = new DefaultMutableTreeNode("Bagu");
    for (Map.Entry<Section, List<Demo>> e : registry.bySection().entrySet()) {
      DefaultMutableTreeNode section = new DefaultMutableTreeNode(e.getKey().heading(lang));
      for (Demo d : e.getValue()) {
        section.add(new DefaultMutableTreeNode(new DemoNode(d, lang), false));
      }
      root.add(section);
    }
    return root;
  }

  private Registry registry;

  private void build(Registry registry) {
    this.registry = registry;
    DefaultMutableTreeNode root = tree(registry, lang);
    JTree tree = new JTree(new DefaultTreeModel(root)) {
      @Override
      public String getToolTipText(MouseEvent e) {
        // The tree is narrower than most titles; the tooltip has the whole line and the summary.
        TreePath path = getPathForLocation(e.getX(), e.getY());
        if (path != null && path.getLastPathComponent() instanceof DefaultMutableTreeNode n
            && n.getUserObject() instanceof DemoNode d) {
          return d + ": " + d.demo().info().summary(lang);
        }
        return null;
      }
    };
    ToolTipManager.sharedInstance().registerComponent(tree);
    tree.getSelectionModel().setSelectionMode(TreeSelectionModel.SINGLE_TREE_SELECTION);
    tree.setRowHeight(tree.getFontMetrics(WindowStyle.TEXT).getHeight() + 8);
    tree.setBorder(BorderFactory.createEmptyBorder(6, 6, 6, 6));
    for (int i = 0; i < tree.getRowCount(); i++) {
      tree.expandRow(i); // rows grow as sections open; the loop reaches them all
    }
    tree.addTreeSelectionListener(e -> {
      Object node = e.getPath().getLastPathComponent();
      if (node instanceof DefaultMutableTreeNode n && n.getUserObject() instanceof DemoNode d) {
        select(d.demo());
      }
    });

    cards.add(new JLabel("No demos registered.", SwingConstants.CENTER), "");
    JScrollPane treeScroll = new JScrollPane(tree);
    treeScroll.setMinimumSize(new Dimension(160, 100));
    JSplitPane split = new JSplitPane(JSplitPane.HORIZONTAL_SPLIT, true, treeScroll, cards);
    split.setDividerLocation(240); // long titles scroll sideways; the figure needs the width
    JPanel content = new JPanel(new BorderLayout());
    content.add(split, BorderLayout.CENTER);

    int count = registry.all().size();
    frame.setTitle("Bagu — " + count + lang.t(count == 1 ? " demo" : " demos", " 个演示"));
    frame.setContentPane(content);
    DemoWindow.show(frame, this::closeAll);
    firstDemo(root).ifPresent(tree::setSelectionPath);
  }

  /** The path to the first demo, in the order the tree shows them. */
  static Optional<TreePath> firstDemo(DefaultMutableTreeNode root) {
    for (var e = root.preorderEnumeration(); e.hasMoreElements(); ) {
      if (e.nextElement() instanceof DefaultMutableTreeNode n
          && n.getUserObject() instanceof DemoNode) {
        return Optional.of(new TreePath(n.getPath()));
      }
    }
    return Optional.empty();
  }

  private void select(Demo demo) {
    String id = demo.info().id();
    views.values().forEach(DemoView::stopWarmUp); // the demo left behind needs no quick drags
    if (!views.containsKey(id)) {
      DemoView view = new DemoView(demo, Params.defaults(demo.params()).withLang(lang));
      view.onPresent(() -> PresenterWindow.open(registry, id, view.params().lang()));
      views.put(id, view);
      cards.add(view, id);
      view.warmUp();
    }
    ((CardLayout) cards.getLayout()).show(cards, id);
    frame.setTitle(DemoWindow.title(demo.info(), lang));
  }

  private void closeAll() {
    views.values().forEach(DemoView::close);
  }
}
