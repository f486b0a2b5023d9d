"""Checks ours against the peer: `labels DBSCAN_JSON PEER_LABELS` (identical up to renaming the
clusters, noise the same points) or `inertia KMEANS_JSON PEER_INERTIA` (within 1%). Prints one
line and exits 1 when the check fails. Standard library only."""
import json
import sys


def same_partition(a, b):
    if len(a) != len(b):
        return False, f"{len(a)} labels against {len(b)}"
    rename = {}
    for i, (p, q) in enumerate(zip(a, b)):
        if (p < 0) != (q < 0):
            return False, f"point {i}: noise in one only"
        if p >= 0 and rename.setdefault(p, q) != q:
            return False, f"point {i}: cluster {p} maps to two peer clusters"
    if len(set(rename.values())) != len(rename):
        return False, "two clusters map to one peer cluster"
    return True, f"identical ({len(rename)} clusters, {sum(1 for p in a if p < 0)} noise)"


def main():
    what, ours, peer = sys.argv[1], sys.argv[2], sys.argv[3]
    data = json.load(open(ours))["data"]
    if what == "labels":
        theirs = [int(line) for line in open(peer)]
        ok, why = same_partition(data["labels"], theirs)
        print(("labels " if ok else "LABELS DIFFER: ") + why)
    else:
        mine = data["best_run"]["inertia"]
        theirs = float(open(peer).read())
        ratio = mine / theirs
        ok = abs(ratio - 1) <= 0.01
        print(f"inertia {mine:.6g} vs {theirs:.6g} (ratio {ratio:.5f})"
              + ("" if ok else ": MORE THAN 1% APART"))
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
