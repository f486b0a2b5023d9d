"""The peer for `bagu run self-attention`: the same four annotated heatmaps (scores, scaled scores,
softmax weights, output) for six tokens, d_model 8, d_k = d_v = 4, drawn by matplotlib into a
1600x1000 PNG. Timed end to end (interpreter start included) by bench/self_attention.sh."""
import sys

import numpy as np
import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt

out = sys.argv[1] if len(sys.argv) > 1 else "self_attention_matplotlib.png"
tokens = ["the", "cat", "sat", "on", "the", "mat"]
rng = np.random.default_rng(0)
d_model, d_k = 8, 4
embedding = {t: rng.standard_normal(d_model) for t in dict.fromkeys(tokens)}
x = np.stack([embedding[t] for t in tokens])              # (6, 8)
wq, wk, wv = (rng.standard_normal((d_model, d_k)) for _ in range(3))
q, k, v = x @ wq, x @ wk, x @ wv                           # (6, 4) each
scores = q @ k.T                                           # (6, 6)
scaled = scores / np.sqrt(d_k)
weights = np.exp(scaled - scaled.max(axis=1, keepdims=True))
weights /= weights.sum(axis=1, keepdims=True)
output = weights @ v                                       # (6, 4)

fig, axes = plt.subplots(2, 2, figsize=(16, 10), dpi=100)
panels = [
    ("1. Scores S = Q·Kᵀ", scores, "RdBu_r", tokens, "key token", "%.1f"),
    ("2. Scaled S/√d_k", scaled, "RdBu_r", tokens, "key token", "%.1f"),
    ("3. Weights A = softmax(row)", weights, "viridis", tokens, "key token", "%.2f"),
    ("4. Output O = A·V", output, "RdBu_r", [f"v{i + 1}" for i in range(d_k)],
     "value dimension", "%.2f"),
]
for ax, (title, m, cmap, columns, xlabel, fmt) in zip(axes.flat, panels):
    limit = np.abs(m).max()
    low, high = (0, 1) if cmap == "viridis" else (-limit, limit)
    image = ax.imshow(m, cmap=cmap, vmin=low, vmax=high, aspect="auto")
    for i in range(m.shape[0]):
        for j in range(m.shape[1]):
            ax.text(j, i, fmt % m[i, j], ha="center", va="center", fontsize=10)
    ax.set_xticks(range(len(columns)), columns)
    ax.set_yticks(range(len(tokens)), tokens)
    ax.set_xlabel(xlabel)
    ax.set_ylabel("query token")
    ax.set_title(title, fontweight="bold")
    fig.colorbar(image, ax=ax)
fig.suptitle('Self-attention on "the cat sat on the mat"', fontsize=18, fontweight="bold")
fig.tight_layout()
fig.savefig(out)
