"""The web side of newsledger: the read-only JSON API (:mod:`.api`)."""
