"""The web side of newsledger: the read-only JSON API (:mod:`.api`) and the
web UI (:mod:`.app`, ``newsledger serve``)."""
