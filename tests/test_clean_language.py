"""Article language: declared by the source, else detected from the body (invented texts)."""

from __future__ import annotations

from wirecheck.clean import clean_document
from wirecheck.clean.language import article_language, detect_language
from wirecheck.model import RawDocument
from wirecheck.settings.clean import CleanSettings

ENGLISH = (
    "The harbour authority said on Tuesday that the two cranes would stay closed until the "
    "inspectors had finished their work, and that ferries would use the northern quay instead."
)
SPANISH = (
    "La autoridad portuaria dijo el martes que las dos grúas seguirán cerradas hasta que los "
    "inspectores terminen su trabajo, y que los transbordadores usarán el muelle norte."
)
GERMAN = (
    "Die Hafenbehörde teilte am Dienstag mit, dass die beiden Kräne geschlossen bleiben, bis die "
    "Prüfer ihre Arbeit beendet haben, und dass die Fähren den nördlichen Kai nutzen werden."
)


def test_detects_the_language_of_a_body_with_its_reason() -> None:
    for text, code in ((ENGLISH, "en"), (SPANISH, "es"), (GERMAN, "de")):
        found, why = detect_language(text)
        assert found == code, (code, why)
        assert why.startswith("detected from the body")


def test_too_little_text_is_not_guessed() -> None:
    found, why = detect_language("Harbour update 12:40")
    assert found is None
    assert "too few" in why


def test_declared_language_wins_over_detection() -> None:
    assert article_language("fr", ENGLISH) == ("fr", "declared by the source (metadata)")


def test_clean_sets_language_and_source() -> None:
    article = clean_document(RawDocument(source="t.txt", text=SPANISH), CleanSettings())
    assert article.language == "es"
    assert article.language_source is not None and "py3langid" in article.language_source
