"""GraphML of the actor network; see :func:`.network.actor_graph`."""

from __future__ import annotations

from ._common import open_binary
from .network import actor_graph


def export(store, output: str) -> list[str]:
    import networkx as nx

    graph = actor_graph(store)
    with open_binary(output) as fh:
        nx.write_graphml(graph, fh)
    return [output]
