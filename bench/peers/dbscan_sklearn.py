"""The peer for `bagu run dbscan --input`: scikit-learn's DBSCAN on the same CSV, then a
matplotlib scatter of every point coloured by cluster (noise black), written as a PNG.

    python3 bench/peers/dbscan_sklearn.py points.csv EPS MIN_SAMPLES OUT_DIR

Writes OUT_DIR/labels.txt (one label per line, file order) and OUT_DIR/dbscan.png; prints the
number of clusters and noise points. Needs numpy, scikit-learn and matplotlib.
"""
import os
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402
from sklearn.cluster import DBSCAN  # noqa: E402


def main():
    path, eps, min_samples, out = sys.argv[1], float(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    os.makedirs(out, exist_ok=True)
    x = np.loadtxt(path, delimiter=",", skiprows=1, usecols=(0, 1))
    labels = DBSCAN(eps=eps, min_samples=min_samples).fit(x).labels_
    np.savetxt(os.path.join(out, "labels.txt"), labels, fmt="%d")
    fig, ax = plt.subplots(figsize=(10, 8), dpi=100)
    noise = labels < 0
    ax.scatter(x[~noise, 0], x[~noise, 1], c=labels[~noise] % 10, cmap="tab10", s=1)
    ax.scatter(x[noise, 0], x[noise, 1], c="black", s=1)
    clusters = labels.max() + 1
    ax.set_title(f"DBSCAN eps {eps}, min_samples {min_samples}: {clusters} clusters, "
                 f"{noise.sum()} noise points")
    ax.set_aspect("equal")
    fig.savefig(os.path.join(out, "dbscan.png"))
    print(f"{clusters} clusters, {noise.sum()} noise")


if __name__ == "__main__":
    main()
