"""The peer for `bagu run kmeans --input`: scikit-learn's KMeans(n_clusters=K, n_init=10) on the
same CSV, then a matplotlib scatter of every point coloured by cluster, written as a PNG.

    python3 bench/peers/kmeans_sklearn.py points.csv K OUT_DIR

Writes OUT_DIR/labels.txt, OUT_DIR/inertia.txt and OUT_DIR/kmeans.png; prints the inertia.
Needs numpy, scikit-learn and matplotlib.
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.cluster import KMeans  # noqa: E402


def main():
    path, k, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    os.makedirs(out, exist_ok=True)
    x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1))
    km = KMeans(n_clusters=k, n_init=10, random_state=0).fit(x)
    np.savetxt(os.path.join(out, "labels.txt"), km.labels_, fmt="%d")
    with open(os.path.join(out, "inertia.txt"), "w") as f:
        f.write(repr(float(km.inertia_)) + "\n")
    fig, ax = plt.subplots(figsize=(10, 8), dpi=100)
    ax.scatter(x[:, 0], x[:, 1], c=km.labels_ % 10, cmap="tab10", s=1)
    ax.scatter(km.cluster_centers_[:, 0], km.cluster_centers_[:, 1], c="black", marker="D")
    ax.set_title(f"KMeans k={k}, n_init=10: inertia {km.inertia_:.6g}")
    ax.set_aspect("equal")
    fig.savefig(os.path.join(out, "kmeans.png"))
    print(f"inertia {km.inertia_:.10g}")


if __name__ == "__main__":
    main()
