package dev.bagu.demos.finetune;

import static org.assertj.core.api.Assertions.assertThat;

import dev.bagu.demos.finetune.PeftCounts.LoraTargets;
import dev.bagu.demos.finetune.PeftCounts.Method;
import dev.bagu.demos.finetune.PeftCounts.Settings;
import org.junit.jupiter.api.Test;

class PeftCountsTest {
  /** The published totals of each model (Hugging Face's num_parameters() for the open ones). */
  @Test
  void totalsMatchThePublishedCounts() {
    assertThat(TransformerConfig.BERT_BASE.total()).isEqualTo(109_482_240L);
    assertThat(TransformerConfig.BERT_LARGE.total()).isEqualTo(335_141_888L);
    assertThat(TransformerConfig.GPT2.total()).isEqualTo(124_439_808L);
    assertThat(TransformerConfig.GPT2_MEDIUM.total()).isEqualTo(354_823_168L);
    assertThat(TransformerConfig.LLAMA_7B.total()).isEqualTo(6_738_415_616L);
    // Brown et al. 2020 round to 175.0B; the configuration gives 174.6B.
    assertThat(TransformerConfig.GPT3.total()).isEqualTo(174_604_259_328L);
  }

  /** Hu et al. 2021, Table 4: GPT-3, W_q and W_v, r = 1 and r = 8. */
  @Test
  void loraOnGpt3ReproducesTable4() {
    assertThat(PeftCounts.lora(TransformerConfig.GPT3, 1, LoraTargets.QV)).isEqualTo(4_718_592L);
    assertThat(PeftCounts.lora(TransformerConfig.GPT3, 8, LoraTargets.QV)).isEqualTo(37_748_736L);
    // Table 4 also lists W_q, W_k, W_v, W_o at r = 2: 18.9M.
    assertThat(PeftCounts.lora(TransformerConfig.GPT3, 2, LoraTargets.QKVO))
        .isEqualTo(18_874_368L);
  }

  @Test
  void bitFitCountsEveryBiasAndNoneInLlama() {
    // BERT-base, by hand: 12 × (4·768 + 3072 + 768 + 2·768) + 768 + 768.
    assertThat(TransformerConfig.BERT_BASE.biasParams()).isEqualTo(12L * 8448 + 1536);
    assertThat(TransformerConfig.LLAMA_7B.biasParams()).isZero();
  }

  @Test
  void pTuningEncoderMatchesALayerByLayerCount() {
    int d = 768;
    int h = d / 2;
    long lstmDirection = 4L * h * (d + h) + 2 * 4L * h; // first layer input d, second layer 2h = d
    long lstm = 2 * 2 * lstmDirection;
    long mlp = 2 * ((long) d * d + d);
    assertThat(PeftCounts.pTuning(TransformerConfig.GPT2, 20)).isEqualTo(20L * d + lstm + mlp);
  }

  @Test
  void adaptersAndPrefixAtThePapersSettings() {
    // Houlsby: BERT-large, m = 64: 48 adapters of 2·64·1024 + 64 + 1024, plus 49 LayerNorms.
    long adapters = PeftCounts.adapters(TransformerConfig.BERT_LARGE, 64);
    assertThat(adapters).isEqualTo(48L * 132_160 + 49L * 2048);
    // Li & Liang: GPT-2 medium, prefix length 10: 10 × 24 × 2 × 1024.
    assertThat(PeftCounts.prefix(TransformerConfig.GPT2_MEDIUM, 10)).isEqualTo(491_520L);
  }

  @Test
  void everyMethodTrainsLessThanFullFineTuningAndMemoryFollows() {
    Settings s = new Settings(20, 64, 8, LoraTargets.QV);
    for (TransformerConfig c : TransformerConfig.COMPARED) {
      long full = PeftCounts.trainable(Method.FULL, c, s);
      PeftCounts.Memory fullMemory = PeftCounts.memory(Method.FULL, c, s);
      assertThat(fullMemory.total()).isEqualTo(16 * full);
      for (Method m : Method.values()) {
        long n = PeftCounts.trainable(m, c, s);
        if (m != Method.FULL && m != Method.P_TUNING) {
          assertThat(n).as(m + " on " + c.name()).isLessThan(full / 10);
        }
        PeftCounts.Memory mem = PeftCounts.memory(m, c, s);
        assertThat(mem.gradients()).isEqualTo(2 * n);
        assertThat(mem.optimizer()).isEqualTo(12 * n);
        assertThat(mem.weights()).isGreaterThanOrEqualTo(2 * c.total());
      }
    }
  }

  @Test
  void everyReferencedFindingOfTheDemoAgrees() {
    PeftParametersDemo demo = new PeftParametersDemo();
    dev.bagu.demo.Result r = demo.run(dev.bagu.demo.Params.defaults(demo.params()));
    r.findings().stream().filter(f -> f.reference().isPresent())
        .forEach(f -> assertThat(f.agrees()).as(f.key() + " = " + f.value()).isTrue());
    assertThat(r.finding("adapter_size_at_3_6_percent").value()).isBetween(100.0, 140.0);
    assertThat(r.data()).containsKey("counts");
  }

  @Test
  void adapterSizeForShareInvertsTheCount() {
    double m = PeftParametersDemo.adapterSizeForShare(TransformerConfig.BERT_LARGE, 1.923);
    double share = 100.0 * PeftCounts.adapters(TransformerConfig.BERT_LARGE, 64)
        / TransformerConfig.BERT_LARGE.total();
    assertThat(PeftParametersDemo.adapterSizeForShare(TransformerConfig.BERT_LARGE, share))
        .isCloseTo(64.0, org.assertj.core.api.Assertions.within(1e-9));
    assertThat(m).isCloseTo(64.0, org.assertj.core.api.Assertions.within(0.1));
  }
}
