package dev.bagu.demos;

import dev.bagu.demo.Demo;
import dev.bagu.demo.Registry;
import dev.bagu.demos.attention.AttentionDepthDemo;
import dev.bagu.demos.attention.FlashAttentionDemo;
import dev.bagu.demos.attention.HeadDimensionDemo;
import dev.bagu.demos.attention.MultiHeadDemo;
import dev.bagu.demos.attention.QkvProjectionsDemo;
import dev.bagu.demos.attention.SelfAttentionDemo;
import dev.bagu.demos.attention.SoftmaxScalingDemo;
import dev.bagu.demos.clustering.ClusteringComparisonDemo;
import dev.bagu.demos.clustering.DbscanDemo;
import dev.bagu.demos.clustering.KMeansDemo;
import dev.bagu.demos.clustering.MeanShiftDemo;
import dev.bagu.demos.python.ConcurrencyDemo;
import dev.bagu.demos.python.CopySemanticsDemo;
import dev.bagu.demos.python.DecoratorsDemo;
import dev.bagu.demos.python.ScopesDemo;
import dev.bagu.demos.training.VanishingGradientsDemo;
import dev.bagu.demos.training.WeightInitDemo;
import dev.bagu.demos.vision.NmsDemo;
import java.util.List;

/**
 * Every demo, listed explicitly in catalogue order (no classpath scanning): adding a demo means
 * adding one line here. The CLI, the browser, the gallery and the render-everything test read it.
 */
public final class Catalogue {
  private Catalogue() {}

  public static List<Demo> demos() {
    return List.of(
        // A. Attention
        new SelfAttentionDemo(),
        new SoftmaxScalingDemo(),
        new MultiHeadDemo(),
        new QkvProjectionsDemo(),
        new HeadDimensionDemo(),
        new AttentionDepthDemo(),
        new FlashAttentionDemo(),
        // F. Training
        new WeightInitDemo(),
        new VanishingGradientsDemo(),
        // G. Vision and classic ML
        new NmsDemo(),
        new KMeansDemo(),
        new DbscanDemo(),
        new MeanShiftDemo(),
        new ClusteringComparisonDemo(),
        // H. Python language
        new CopySemanticsDemo(),
        new DecoratorsDemo(),
        new ConcurrencyDemo(),
        new ScopesDemo());
  }

  public static Registry registry() {
    return new Registry(demos());
  }
}
