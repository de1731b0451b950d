"""Node positions computed in Python for maps too large for in-browser physics.

vis-network's physics stalls around 1,500 nodes, and networkx's
``spring_layout`` is quadratic in memory without SciPy, so large maps use:

* each connected component laid out on its own: small ones with
  ``networkx.spring_layout`` (Fruchterman & Reingold 1991), large ones with
  the same force model where repulsion is estimated from a random sample of
  nodes each iteration (O(n·m) instead of O(n²); a stochastic variant of the
  approximations in Barnes & Hut 1986 and Walshaw 2000);
* components packed in rows, largest first, each given an area in
  proportion to its size (shelf packing).

Positions are in vis-network pixels, deterministic for a given seed.
"""

from __future__ import annotations

import math

import networkx as nx
import numpy as np

#: Components up to this size are drawn as a hub and a ring.
SMALL_MAX = 6
#: Components up to this size use networkx's exact spring layout.
EXACT_MAX = 300
#: Nodes sampled for repulsion per iteration in the approximate layout.
SAMPLE = 96
#: Average distance between neighbouring nodes, in pixels.
SPACING = 70.0


def _sampled_spring(G: nx.Graph, seed: int, iterations: int = 50) -> np.ndarray:
    """Fruchterman-Reingold with sampled repulsion; returns an (n, 2) array."""
    nodes = list(G)
    n = len(nodes)
    index = {v: i for i, v in enumerate(nodes)}
    edges = np.array([(index[u], index[v]) for u, v in G.edges()], dtype=np.int64).reshape(-1, 2)
    rng = np.random.default_rng(seed)
    side = math.sqrt(n)
    # start from a breadth-first spiral so neighbours begin close together
    root = max(G.degree, key=lambda d: d[1])[0]
    order = [index[root]] + [index[v] for _, v in nx.bfs_edges(G, root)]
    seen = set(order)
    order += [i for i in range(n) if i not in seen]
    pos = np.empty((n, 2))
    r = np.sqrt(np.arange(n) + 0.5)
    theta = np.arange(n) * 2.399963  # golden angle
    pos[order] = np.column_stack((r * np.cos(theta), r * np.sin(theta)))
    pos += rng.normal(scale=0.05, size=pos.shape)
    pos = pos.astype(np.float32)
    k = 1.0
    temperature = side * 0.1
    m = min(SAMPLE, n)
    scale = (n - 1) / m
    for _ in range(iterations):
        sample = rng.choice(n, size=m, replace=False)
        sx, sy = pos[sample, 0][None, :], pos[sample, 1][None, :]
        dx = pos[:, 0:1] - sx
        dy = pos[:, 1:2] - sy
        w = (k * k * scale) / (dx * dx + dy * dy + 1e-4)
        disp = np.column_stack(((dx * w).sum(axis=1), (dy * w).sum(axis=1)))
        if len(edges):
            delta = pos[edges[:, 0]] - pos[edges[:, 1]]
            dist = np.sqrt(np.einsum("ij,ij->i", delta, delta)) + 1e-9
            force = delta * (dist / k)[:, None]
            for axis in (0, 1):
                disp[:, axis] += np.bincount(edges[:, 1], force[:, axis], minlength=n)
                disp[:, axis] -= np.bincount(edges[:, 0], force[:, axis], minlength=n)
        length = np.sqrt(np.einsum("ij,ij->i", disp, disp)) + 1e-9
        pos += disp * (np.minimum(length, temperature) / length)[:, None]
        temperature *= 0.95
    return pos


def _component_layout(G: nx.Graph, seed: int) -> np.ndarray:
    n = G.number_of_nodes()
    if n == 1:
        return np.zeros((1, 2))
    if n <= SMALL_MAX:
        # hub in the middle, the rest on a circle: cheap and clear for stars and pairs
        hub = max(G, key=lambda v: (G.degree(v), -list(G).index(v)))
        angle = np.linspace(0, 2 * np.pi, n - 1, endpoint=False)
        ring = iter(np.column_stack((np.cos(angle), np.sin(angle))))
        return np.array([(0.0, 0.0) if v == hub else next(ring) for v in G])
    if n <= EXACT_MAX:
        pos = nx.spring_layout(G, seed=seed, iterations=60)
        return np.array([pos[v] for v in G])
    return _sampled_spring(G, seed)


def layout(G: nx.Graph | nx.MultiDiGraph, seed: int = 7) -> dict[object, tuple[float, float]]:
    """Return ``{node: (x, y)}`` in pixels for every node of ``G``.

    >>> import networkx as nx
    >>> pos = layout(nx.path_graph(4))
    >>> sorted(pos) == [0, 1, 2, 3] and all(len(p) == 2 for p in pos.values())
    True
    """
    U = nx.Graph()
    U.add_nodes_from(G)
    U.add_edges_from((u, v) for u, v, *_ in G.edges())
    components = sorted(nx.connected_components(U), key=lambda c: (-len(c), min(map(str, c))))
    boxes = []
    for comp in components:
        if len(components) == 1:
            sub = U
        else:
            sub = nx.Graph()
            sub.add_nodes_from(sorted(comp, key=str))
            sub.add_edges_from(U.edges(comp))
        pos = _component_layout(sub, seed)
        pos = pos - pos.mean(axis=0)
        radius = float(np.sqrt((pos**2).sum(axis=1)).max()) or 1.0
        want = SPACING * math.sqrt(len(comp)) * 0.75 if len(comp) > 1 else 0.0
        pos = pos * (want / radius)
        boxes.append((list(sub), pos, max(want, SPACING / 2)))
    total_area = sum((2 * r + SPACING) ** 2 for _, _, r in boxes)
    row_width = max(math.sqrt(total_area) * 1.2, 2 * boxes[0][2] + SPACING)
    out: dict[object, tuple[float, float]] = {}
    x = y = row_height = 0.0
    for nodes, pos, r in boxes:
        size = 2 * r + SPACING
        if x > 0 and x + size > row_width:
            x, y, row_height = 0.0, y + row_height, 0.0
        centre = np.array([x + size / 2, y + size / 2])
        for v, p in zip(nodes, pos + centre, strict=True):
            out[v] = (round(float(p[0]), 1), round(float(p[1]), 1))
        x += size
        row_height = max(row_height, size)
    return out
