"""The language of a cleaned body, when the page did not declare one.

py3langid (langid.py's naive-Bayes byte n-gram model, shipped inside the package, BSD-3)
classifies the first characters of the body. Written here: only the confidence floor and
the reason string, so the article can say where its language came from.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from py3langid.langid import LanguageIdentifier

SAMPLE_CHARS = 600  # a lead is enough (500+ chars agree with 2,000 on real text); cost is linear
MIN_LETTERS = 40  # below this a byte n-gram vote is noise (a caption, a bare headline)
MIN_PROBABILITY = 0.5  # normalised posterior; on mixed or very short text it falls below


@lru_cache(maxsize=1)
def _identifier() -> LanguageIdentifier:
    # Loaded once per process (~3 s: the packaged model is xz-compressed).
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> tuple[str | None, str]:
    """(ISO 639-1 code or None, why) for ``text``."""
    sample = text[:SAMPLE_CHARS]
    letters = sum(ch.isalpha() for ch in sample)
    if letters < MIN_LETTERS:
        return None, f"not detected: {letters} letters are too few"
    code, probability = _identifier().classify(sample)
    if probability < MIN_PROBABILITY:
        return None, f"not detected: best guess {code} at p={probability:.2f}"
    return str(code), f"detected from the body (py3langid, p={probability:.2f})"


def article_language(declared: str | None, body: str) -> tuple[str | None, str]:
    """The page's declared language wins; otherwise the body's detected language."""
    if declared:
        return declared, "declared by the source (metadata)"
    return detect_language(body)
