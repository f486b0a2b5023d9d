package dev.bagu.demos.models;

import dev.bagu.math.Rng;
import dev.bagu.nn.Activation;
import dev.bagu.nn.Adam;
import dev.bagu.nn.Dense;
import dev.bagu.nn.Init;
import dev.bagu.nn.Mlp;
import java.util.ArrayList;
import java.util.List;

/**
 * A toy CLIP: two small encoders trained with {@link ClipLoss} on synthetic image–text pairs.
 *
 * <p>Data: a hidden concept z ~ N(0, I) of {@value #CONCEPT} dimensions is seen two ways, as an
 * "image" x = A z + noise ({@value #IMAGE_DIM} features) and as a "caption" u = B z + noise
 * ({@value #TEXT_DIM} features), A and B fixed random matrices that neither encoder knows. Each
 * encoder is an MLP (features → {@value #HIDDEN} tanh → d_emb) whose output is L2-normalised; a
 * pair's two embeddings can only agree if both encoders recover z.
 *
 * <p>Zero-shot: held-out classes (new concepts z_c never trained on) are described by one
 * noise-free caption B z_c each; their images A(z_c + 0.5 ε) + noise are classified by the
 * nearest caption.
 */
public final class ClipTraining {
  static final int CONCEPT = 4;
  static final int IMAGE_DIM = 12;
  static final int TEXT_DIM = 10;
  static final int HIDDEN = 16;
  /** Spread of a held-out class's images around its concept, relative to the concepts' spread. */
  static final double CLASS_SPREAD = 0.5;
  /** Adam's learning rate for the encoders and the temperature. */
  static final double LEARNING_RATE = 0.01;
  /** CLIP clips the logit scale at 100 (Radford et al. 2021, §2.5). */
  public static final double MAX_LOG_SCALE = Math.log(100);

  final double[][] imageMap; // A (IMAGE_DIM, CONCEPT)
  final double[][] textMap; // B (TEXT_DIM, CONCEPT)
  final double noise;
  final Mlp imageEncoder;
  final Mlp textEncoder;
  final double[][] logScale; // (1, 1): t, the learnable log of the logit scale 1/τ

  public ClipTraining(int embedding, double noise, double initialTemperature, Rng rng) {
    this.imageMap = Init.LECUN_NORMAL.draw(IMAGE_DIM, CONCEPT, rng);
    this.textMap = Init.LECUN_NORMAL.draw(TEXT_DIM, CONCEPT, rng);
    this.noise = noise;
    this.imageEncoder = new Mlp(new int[] {IMAGE_DIM, HIDDEN, embedding}, Activation.TANH,
        Init.XAVIER_NORMAL, false, rng);
    this.textEncoder = new Mlp(new int[] {TEXT_DIM, HIDDEN, embedding}, Activation.TANH,
        Init.XAVIER_NORMAL, false, rng);
    this.logScale = new double[][] {{Math.log(1 / initialTemperature)}};
  }

  /** A batch of paired features: images (N, IMAGE_DIM), texts (N, TEXT_DIM), concepts (N, 4). */
  public record Pairs(double[][] images, double[][] texts, double[][] concepts) {}

  /** N fresh pairs, each from its own concept. */
  public Pairs pairs(int n, Rng rng) {
    double[][] z = new double[n][CONCEPT];
    for (double[] row : z) {
      rng.fillGaussian(row);
    }
    return new Pairs(view(imageMap, z, rng), view(textMap, z, rng), z);
  }

  /** M z + noise for every row of z. */
  double[][] view(double[][] map, double[][] z, Rng rng) {
    double[][] out = new double[z.length][map.length];
    for (int i = 0; i < z.length; i++) {
      for (int r = 0; r < map.length; r++) {
        out[i][r] = ClipLoss.dot(map[r], z[i]) + noise * rng.gaussian();
      }
    }
    return out;
  }

  /** exp(t) = 1/τ; at the clip, exactly 100 (exp(ln 100) itself rounds to 100.00000000000001). */
  public double logitScale() {
    return Math.min(Math.exp(logScale[0][0]), 100);
  }

  /** Normalised embeddings of images (N, d_emb). */
  public double[][] embedImages(double[][] images) {
    return ClipLoss.normalised(imageEncoder.forward(images).output());
  }

  public double[][] embedTexts(double[][] texts) {
    return ClipLoss.normalised(textEncoder.forward(texts).output());
  }

  /** The loss of a batch at the current logit scale. */
  public double loss(Pairs batch) {
    return ClipLoss.loss(embedImages(batch.images), embedTexts(batch.texts), logScale[0][0]);
  }

  /** Forward and backward on one batch; fills the encoders' gradients. Returns the value. */
  public ClipLoss.Value lossAndGradient(Pairs batch) {
    Mlp.Trace ti = imageEncoder.forward(batch.images);
    Mlp.Trace tt = textEncoder.forward(batch.texts);
    double[][] ei = ClipLoss.normalised(ti.output());
    double[][] et = ClipLoss.normalised(tt.output());
    ClipLoss.Value v = ClipLoss.of(ei, et, logScale[0][0]);
    imageEncoder.zeroGrad();
    textEncoder.zeroGrad();
    imageEncoder.backward(ti, ClipLoss.normalisedBackward(ti.output(), ei, v.dImages()));
    textEncoder.backward(tt, ClipLoss.normalisedBackward(tt.output(), et, v.dTexts()));
    return v;
  }

  /** Every trainable array (biases as one-row views), the log logit scale last. */
  public List<double[][]> parameters() {
    List<double[][]> p = new ArrayList<>();
    for (Mlp m : List.of(imageEncoder, textEncoder)) {
      for (Dense d : m.layers()) {
        p.add(d.w);
        p.add(new double[][] {d.b});
      }
    }
    p.add(logScale);
    return p;
  }

  private List<double[][]> gradients(double dLogScale) {
    List<double[][]> g = new ArrayList<>();
    for (Mlp m : List.of(imageEncoder, textEncoder)) {
      for (Dense d : m.layers()) {
        g.add(d.gradW);
        g.add(new double[][] {d.gradB});
      }
    }
    g.add(new double[][] {{dLogScale}});
    return g;
  }

  /** Per step: the training batch's loss and the logit scale after the step. */
  public record History(double[] loss, double[] logitScale) {}

  /** {@code steps} Adam steps, each on N fresh pairs; t is clipped at ln 100 as in CLIP. */
  public History train(int steps, int batchSize, Rng rng) {
    Adam adam = new Adam(parameters(), LEARNING_RATE);
    double[] loss = new double[steps];
    double[] scale = new double[steps];
    for (int s = 0; s < steps; s++) {
      ClipLoss.Value v = lossAndGradient(pairs(batchSize, rng));
      adam.step(gradients(v.dLogScale()));
      logScale[0][0] = Math.min(logScale[0][0], MAX_LOG_SCALE);
      loss[s] = v.loss();
      scale[s] = logitScale();
    }
    return new History(loss, scale);
  }

  /** Held-out classes: one caption per class (classes, TEXT_DIM), images and their labels. */
  public record ZeroShotSet(double[][] captions, double[][] images, int[] labels) {}

  public ZeroShotSet zeroShotSet(int classes, int imagesPerClass, Rng rng) {
    double[][] z = new double[classes][CONCEPT];
    for (double[] row : z) {
      rng.fillGaussian(row);
    }
    double[][] captions = new double[classes][TEXT_DIM];
    for (int c = 0; c < classes; c++) {
      for (int r = 0; r < TEXT_DIM; r++) {
        captions[c][r] = ClipLoss.dot(textMap[r], z[c]); // the prompt: no noise
      }
    }
    int n = classes * imagesPerClass;
    double[][] zi = new double[n][CONCEPT];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = i % classes;
      for (int k = 0; k < CONCEPT; k++) {
        zi[i][k] = z[labels[i]][k] + CLASS_SPREAD * rng.gaussian();
      }
    }
    return new ZeroShotSet(captions, view(imageMap, zi, rng), labels);
  }

  /** Share of images whose most similar caption (cosine) is their own class's. */
  public double zeroShotAccuracy(ZeroShotSet set) {
    double[][] ei = embedImages(set.images);
    double[][] et = embedTexts(set.captions);
    int right = 0;
    for (int i = 0; i < ei.length; i++) {
      int best = 0;
      for (int c = 1; c < et.length; c++) {
        if (ClipLoss.dot(ei[i], et[c]) > ClipLoss.dot(ei[i], et[best])) {
          best = c;
        }
      }
      right += best == set.labels[i] ? 1 : 0;
    }
    return (double) right / ei.length;
  }
}
