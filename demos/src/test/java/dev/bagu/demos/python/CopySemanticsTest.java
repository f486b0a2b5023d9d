package dev.bagu.demos.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demo.Params;
import dev.bagu.demos.python.CopyScenario.Mutation;
import dev.bagu.demos.python.ObjectGraph.Obj;
import org.junit.jupiter.api.Test;

class CopySemanticsTest {
  private static Obj example() {
    Obj x = ObjectGraph.list(ObjectGraph.integer(2), ObjectGraph.integer(3));
    return ObjectGraph.list(ObjectGraph.integer(1), x, ObjectGraph.dict("k", x));
  }

  @Test
  void shallowCopySharesEveryInnerObjectButNotTheOuter() {
    Obj a = example();
    Obj c = ObjectGraph.shallowCopy(a);
    assertThat(c).isNotSameAs(a);
    assertThat(c.items.get(1)).isSameAs(a.items.get(1));
    assertThat(c.items.get(2)).isSameAs(a.items.get(2));
    assertThat(ObjectGraph.sharedContainers(a, c)).isEqualTo(2);
    assertThat(ObjectGraph.repr(c)).isEqualTo("[1, [2, 3], {'k': [2, 3]}]");
  }

  @Test
  void deepCopySharesNothingWithTheOriginalButKeepsItsOwnSharing() {
    Obj a = example();
    Obj d = ObjectGraph.deepCopy(a);
    assertThat(ObjectGraph.sharedContainers(a, d)).isZero();
    assertThat(d.items.get(1)).isSameAs(d.items.get(2).entries.get("k")); // memo
    assertThat(d.items.get(0)).isSameAs(a.items.get(0)); // atoms are not copied
    assertThat(ObjectGraph.repr(d)).isEqualTo(ObjectGraph.repr(a));
  }

  @Test
  void deepCopySurvivesACycleAndCopiesIt() {
    Obj a = ObjectGraph.list(ObjectGraph.integer(1));
    a.items.add(a); // a.append(a)
    Obj d = ObjectGraph.deepCopy(a);
    assertThat(d).isNotSameAs(a);
    assertThat(d.items.get(1)).isSameAs(d); // the copy's cycle points at the copy
    assertThat(ObjectGraph.repr(d)).isEqualTo("[1, [...]]"); // as Python prints it
    // A two-object cycle through a dict.
    Obj outer = ObjectGraph.list();
    Obj inner = ObjectGraph.dict("back", outer);
    outer.items.add(inner);
    Obj copy = ObjectGraph.deepCopy(outer);
    assertThat(copy.items.get(0).entries.get("back")).isSameAs(copy);
    assertThat(ObjectGraph.containers(copy)).hasSize(2);
  }

  @Test
  void whoSeesEachMutationAsPythonSays() {
    // Checked against CPython 3: {a, b, c, d} seeing the change.
    assertThat(CopyScenario.whoSees(Mutation.INNER)).containsExactly(true, true, true, false);
    assertThat(CopyScenario.whoSees(Mutation.DICT)).containsExactly(true, true, true, false);
    assertThat(CopyScenario.whoSees(Mutation.OUTER)).containsExactly(true, true, false, false);
    assertThat(CopyScenario.whoSees(Mutation.REBIND)).containsExactly(true, true, false, false);
    assertThat(ObjectGraph.repr(CopyScenario.build(Mutation.INNER).a()))
        .isEqualTo("[1, [2, 3, 4], {'k': [2, 3, 4]}]");
  }

  @Test
  void javasCloneAndCopyConstructorBehaveLikeCopyCopy() {
    for (Mutation m : Mutation.values()) {
      boolean shallowSees = CopyScenario.whoSees(m)[2];
      CopyScenario.JavaResult j = CopyScenario.java(m);
      assertThat(j.cloneSees()).as(m.name()).isEqualTo(shallowSees);
      assertThat(j.copyCtorSees()).as(m.name()).isEqualTo(shallowSees);
    }
  }

  @Test
  void theDemosFindingsAgreeForEveryMutation() {
    CopySemanticsDemo demo = new CopySemanticsDemo();
    for (String m : new String[] {"inner", "dict", "outer", "rebind"}) {
      var r = demo.run(Params.defaults(demo.params()).with("mutation", m));
      assertThat(r.findings()).as(m).allMatch(f -> f.agrees());
    }
  }
}
