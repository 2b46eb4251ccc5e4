"""The cross-document stage: many document ledgers, one merged ledger.

Reads the store's documents (their ``DocLedger`` JSON); writes the merged
tables (``merged_actors``, ``merged_events``, ``merged_event_mentions``) and
the findings (``contested``, ``contradictions``, ``contradiction_sides``).
See :func:`newsledger.resolve.merge.merge_store`.
"""
