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
import dev.bagu.demos.classic.SvmDemo;
import dev.bagu.demos.clustering.ClusteringComparisonDemo;
import dev.bagu.demos.clustering.DbscanDemo;
import dev.bagu.demos.clustering.KMeansDemo;
import dev.bagu.demos.clustering.MeanShiftDemo;
import dev.bagu.demos.positions.AlibiDemo;
import dev.bagu.demos.positions.RopeDemo;
import dev.bagu.demos.positions.SinusoidalEncodingDemo;
import dev.bagu.demos.positions.T5BucketsDemo;
import dev.bagu.demos.models.DebertaAttentionDemo;
import dev.bagu.demos.models.RnnGradientsDemo;
import dev.bagu.demos.models.SparseAttentionDemo;
import dev.bagu.demos.models.ClipContrastiveDemo;
import dev.bagu.demos.models.MoeRoutingDemo;
import dev.bagu.demos.models.VaeLatentDemo;
import dev.bagu.demos.inference.ContinuousBatchingDemo;
import dev.bagu.demos.inference.GqaDemo;
import dev.bagu.demos.inference.KvCacheDemo;
import dev.bagu.demos.inference.PagedAttentionDemo;
import dev.bagu.demos.inference.QuantizationDemo;
import dev.bagu.demos.finetune.DistillationDemo;
import dev.bagu.demos.finetune.LoraDemo;
import dev.bagu.demos.finetune.LossFunctionsDemo;
import dev.bagu.demos.finetune.PeftParametersDemo;
import dev.bagu.demos.training.FloatingPointDemo;
import dev.bagu.demos.training.LayerNormDemo;
import dev.bagu.demos.training.OptimizersDemo;
import dev.bagu.demos.python.ConcurrencyDemo;
import dev.bagu.demos.python.CopySemanticsDemo;
import dev.bagu.demos.python.DecoratorsDemo;
import dev.bagu.demos.python.ScopesDemo;
import dev.bagu.demos.training.VanishingGradientsDemo;
import dev.bagu.demos.training.WeightInitDemo;
import dev.bagu.demos.vision.LargeKernelDemo;
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
        // B. Positions
        new SinusoidalEncodingDemo(),
        new RopeDemo(),
        new AlibiDemo(),
        new T5BucketsDemo(),
        // C. Inference
        new KvCacheDemo(),
        new PagedAttentionDemo(),
        new GqaDemo(),
        new ContinuousBatchingDemo(),
        new QuantizationDemo(),
        // D. Models
        new RnnGradientsDemo(),
        new DebertaAttentionDemo(),
        new SparseAttentionDemo(),
        new MoeRoutingDemo(),
        new ClipContrastiveDemo(),
        new VaeLatentDemo(),
        // E. Fine-tuning and compression
        new PeftParametersDemo(),
        new LoraDemo(),
        new DistillationDemo(),
        new LossFunctionsDemo(),
        // F. Training
        new WeightInitDemo(),
        new VanishingGradientsDemo(),
        new OptimizersDemo(),
        new FloatingPointDemo(),
        new LayerNormDemo(),
        // G. Vision and classic ML
        new NmsDemo(),
        new LargeKernelDemo(),
        new SvmDemo(),
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
