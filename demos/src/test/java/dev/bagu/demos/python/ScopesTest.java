package dev.bagu.demos.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demos.python.LegbResolver.Kind;
import dev.bagu.demos.python.LegbResolver.Program;
import dev.bagu.demos.python.LegbResolver.Ref;
import java.io.StringWriter;
import java.net.URI;
import java.util.List;
import javax.tools.JavaCompiler;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

class ScopesTest {
  /** The occurrence of {@code name} on 1-based line {@code line} (the first, left to right). */
  private static Ref at(Program p, int line, String name) {
    return p.refs().stream().filter(r -> r.line() == line - 1 && r.name().equals(name))
        .findFirst().orElseThrow();
  }

  @Test
  void readsGoLocalThenEnclosingThenGlobalThenBuiltin() {
    Program p = LegbResolver.resolve(ScopeExamples.byId("legb").source());
    assertThat(at(p, 6, "y").kind()).isEqualTo(Kind.LOCAL);
    Ref x = at(p, 6, "x");
    assertThat(x.kind()).isEqualTo(Kind.ENCLOSING);
    assertThat(x.target().name).isEqualTo("f");
    assertThat(x.targetLine()).isEqualTo(2); // x = 2, 0-based line 2
    assertThat(at(p, 6, "len").kind()).isEqualTo(Kind.BUILTIN);
    assertThat(at(p, 8, "f").kind()).isEqualTo(Kind.GLOBAL);
  }

  @Test
  void assigningAnywhereMakesALocalAndAnEarlyReadIsUnbound() {
    Program p = LegbResolver.resolve(ScopeExamples.byId("unbound").source());
    assertThat(at(p, 3, "n").kind()).isEqualTo(Kind.UNBOUND_LOCAL);
    assertThat(at(p, 4, "n").kind()).isEqualTo(Kind.LOCAL);
    // A read on a line above the assignment is unbound too: the whole function sees a local.
    Program above = LegbResolver.resolve(List.of("n = 0", "def f():", "    print(n)",
        "    n = 1"));
    assertThat(at(above, 3, "n").kind()).isEqualTo(Kind.UNBOUND_LOCAL);
  }

  @Test
  void globalSendsTheAssignmentToTheModule() {
    Program p = LegbResolver.resolve(ScopeExamples.byId("global").source());
    Ref n = at(p, 4, "n");
    assertThat(n.kind()).isEqualTo(Kind.GLOBAL);
    assertThat(n.store()).isTrue();
    assertThat(n.target()).isSameAs(p.module());
    // global with no module binding yet: the store creates the module's name.
    Program fresh = LegbResolver.resolve(List.of("def f():", "    global z", "    z = 1"));
    assertThat(at(fresh, 3, "z").kind()).isEqualTo(Kind.GLOBAL);
    assertThat(fresh.module().bound).containsKey("z");
  }

  @Test
  void nonlocalSendsTheAssignmentToTheNearestEnclosingBinder() {
    Program p = LegbResolver.resolve(ScopeExamples.byId("nonlocal").source());
    Ref n = at(p, 5, "n");
    assertThat(n.kind()).isEqualTo(Kind.ENCLOSING);
    assertThat(n.target().name).isEqualTo("f");
    // The nearest binder wins over a farther one.
    Program twoLevels = LegbResolver.resolve(List.of("def a():", "    v = 1", "    def b():",
        "        v = 2", "        def c():", "            nonlocal v", "            v = 3"));
    assertThat(at(twoLevels, 7, "v").target().name).isEqualTo("b");
    // No enclosing function binds it: SyntaxError (nonlocal never reaches the module).
    Program none = LegbResolver.resolve(List.of("v = 0", "def a():", "    nonlocal v",
        "    v = 1"));
    assertThat(at(none, 4, "v").kind()).isEqualTo(Kind.SYNTAX_ERROR);
  }

  @Test
  void assignmentShadowsWithoutTouchingTheOuterName() {
    Program p = LegbResolver.resolve(ScopeExamples.byId("shadow").source());
    assertThat(at(p, 6, "x").target().name).isEqualTo("g");
    assertThat(at(p, 8, "x").target().name).isEqualTo("f");
    assertThat(at(p, 10, "x").target()).isSameAs(p.module());
  }

  @Test
  void unknownNamesAreNameErrorsAndStringsHoldNoNames() {
    Program p = LegbResolver.resolve(List.of("print(zz, 'not a name')"));
    assertThat(p.refs()).extracting(Ref::name).containsExactly("print", "zz");
    assertThat(at(p, 1, "zz").kind()).isEqualTo(Kind.NAME_ERROR);
  }

  @Test
  void everyExampleMatchesItsHandWorkedCounts() {
    for (ScopeExamples.Example e : ScopeExamples.ALL) {
      Program p = LegbResolver.resolve(e.source());
      ScopeExamples.Expected x = e.expected();
      assertThat(List.of(p.count(Kind.LOCAL), p.count(Kind.ENCLOSING), p.count(Kind.GLOBAL),
          p.count(Kind.BUILTIN), p.count(Kind.UNBOUND_LOCAL))).as(e.id())
          .containsExactly(x.local(), x.enclosing(), x.global(), x.builtin(), x.unbound());
    }
  }

  @Test
  void theDemosFindingsAllAgreeForEveryProgram() {
    ScopesDemo demo = new ScopesDemo();
    for (String id : ScopeExamples.ids()) {
      var r = demo.run(Params.defaults(demo.params()).with("program", id));
      assertThat(r.findings()).as(id).allMatch(f -> f.agrees());
    }
  }

  /** The Java side panel's claim, checked by the compiler itself. */
  @Test
  void javaRejectsCapturingAReassignedLocalAndAcceptsTheArrayCell() {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    Assumptions.assumeTrue(javac != null, "no compiler in this runtime");
    assertThat(compiles(javac, "int n = 0; Runnable r = () -> n++;")).contains("effectively final");
    assertThat(compiles(javac, "int[] a = {0}; Runnable ok = () -> a[0]++;")).isEmpty();
  }

  private static String compiles(JavaCompiler javac, String body) {
    String src = "class Snippet { void m() { " + body + " } }";
    SimpleJavaFileObject file = new SimpleJavaFileObject(URI.create("string:///Snippet.java"),
        SimpleJavaFileObject.Kind.SOURCE) {
      @Override
      public CharSequence getCharContent(boolean ignoreEncodingErrors) {
        return src;
      }
    };
    StringWriter out = new StringWriter();
    javac.getTask(out, null, null, List.of("-proc:none", "-d",
        System.getProperty("java.io.tmpdir")), null, List.of(file)).call();
    return out.toString();
  }
}
