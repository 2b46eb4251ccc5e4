"""The actor network shared by the GEXF and GraphML exports (networkx)."""

from __future__ import annotations

from ._common import as_ledger, require


def actor_graph(ledger):
    """A ``networkx.DiGraph``: actors as nodes; an edge source → target per
    pair that acted, with ``weight`` (events), ``cooperation``, ``conflict`` and
    ``intensity`` (summed) over all periods."""
    require("networkx", "network")
    import networkx as nx

    ledger = as_ledger(ledger)
    graph = nx.DiGraph(name="newsledger actor network")
    for a in ledger.actors():
        graph.add_node(a.id, label=a.name, kind=a.kind or "", country=a.country or "",
                       mentions=a.n_mentions, documents=a.n_documents)
    for rel in ledger.relations():
        for node in (rel.source, rel.target):
            if node not in graph:
                graph.add_node(node, label=node, kind="", country="", mentions=0, documents=0)
        if graph.has_edge(rel.source, rel.target):
            data = graph.edges[rel.source, rel.target]
            data["weight"] += rel.events
            data["cooperation"] += rel.cooperation
            data["conflict"] += rel.conflict
            data["intensity"] += rel.intensity
        else:
            graph.add_edge(rel.source, rel.target, weight=rel.events, cooperation=rel.cooperation,
                           conflict=rel.conflict, intensity=rel.intensity)
    for _, _, data in graph.edges(data=True):
        data["relation"] = ("cooperation" if data["cooperation"] > data["conflict"]
                            else "conflict" if data["conflict"] > data["cooperation"] else "mixed")
    return graph
