"""The first pipeline built settles the process's long-lived objects out of
the collector's later rounds (newsledger.nlp.heap)."""

import gc
import subprocess
import sys
import textwrap

from newsledger.nlp import heap


def _run(code: str) -> str:
    """Run ``code`` in a fresh interpreter (the freeze is once per process)."""
    done = subprocess.run([sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_settle_freezes_what_is_alive_once_per_process():
    out = _run("""
        import gc
        from newsledger.nlp import heap
        kept = [[k] for k in range(20_000)]
        first = heap.settle()
        frozen = gc.get_freeze_count()
        second = heap.settle()
        print(first, second, frozen >= 20_000, gc.get_freeze_count() == frozen)
    """)
    assert out == "True False True True"


def test_settle_collects_garbage_before_it_freezes():
    out = _run("""
        import gc, weakref
        from newsledger.nlp import heap
        class Node:
            pass
        a, b = Node(), Node()
        a.other, b.other = b, a
        gone = weakref.ref(a)
        del a, b
        heap.settle()
        print(gone() is None)
    """)
    assert out == "True"


def test_the_first_pipeline_built_settles_the_model_with_it(nlp):
    # (the fixture built a pipeline in this process: the model's objects are frozen)
    assert heap.settle() is False
    assert gc.get_freeze_count() > 50_000


def test_objects_made_after_the_pipeline_are_still_collected(nlp):
    import weakref

    class Node:
        pass

    a, b = Node(), Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    gc.collect()
    assert gone() is None
