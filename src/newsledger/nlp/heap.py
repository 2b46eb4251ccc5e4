"""The pipeline's long-lived objects and Python's cyclic garbage collector.

A loaded pipeline holds some 100,000 Python objects that live as long as the
process: the modules, the model's tables, our lexicons.  Python's cyclic
collector walks every object it tracks at each full collection, about a
tenth of a second for such a heap, and a run over a few hundred articles
makes a full collection every few hundred articles' worth of new objects.

:func:`settle` collects once, then moves every object alive into the
collector's permanent generation (:func:`gc.freeze`), which later
collections skip: a full collection then walks only what was made after.
It runs once per process, when :func:`~newsledger.nlp.pipeline.build_pipeline`
has built the first pipeline; a process's later pipelines and everything
they make are collected as usual.

The cost: an object settled this way is never freed by the collector, even
when a cycle of references is all that keeps it (one freed by its reference
count is freed as ever).  A program that builds and drops many pipelines in
one process, and wants each one's cycles back, calls :func:`gc.unfreeze`.
"""

from __future__ import annotations

import gc

_settled = False


def settle() -> bool:
    """Collect, then freeze what is alive (the first call only); True when
    this call froze it."""
    global _settled
    if _settled:
        return False
    gc.collect()
    gc.freeze()
    _settled = True
    return True
