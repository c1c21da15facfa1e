"""Quote and statement mentions: who is quoted or reported as saying something."""

from __future__ import annotations

from wirecheck.extract.lexicon import ATTRIBUTION_VERBS
from wirecheck.extract.quotes import QuoteSpan, find_quotes, speaker_sentence
from wirecheck.extract.sentences import SentenceInfo
from wirecheck.model import Article, ClaimKind, ClaimMention, stable_id
from wirecheck.settings.extract import ExtractSettings


def quote_mentions(
    article: Article, text: str, sentences: list[SentenceInfo], settings: ExtractSettings
) -> list[ClaimMention]:
    bounds = [(s.start, s.end) for s in sentences]
    sources = [s.attribution.source if s.attribution else None for s in sentences]
    texts = [s.text for s in sentences]
    out: list[ClaimMention] = []
    for quote in find_quotes(text, settings.min_quote_words):
        first = next((s for s in sentences if s.end > quote.start), None)
        last = next((s for s in reversed(sentences) if s.start < quote.end), None)
        if last is not None and _speech_follows(last, quote):
            # "...," said X: the speaker is named right there and nowhere else; a source the
            # sentence only inherits from the one before is another speaker's
            own = last.attribution
            speaker = own.source if own is not None and not own.inherited else None
        else:
            index = speaker_sentence(bounds, sources, texts, quote) if sentences else None
            speaker = None if index is None else sources[index]
            if speaker is None and out and quote.start - out[-1].end <= _QUOTE_CARRY_CHARS:
                speaker = out[-1].speaker  # a quotation continued in the next sentence
        start = first.start if first else quote.start
        end = max(last.end if last else quote.end, quote.end)
        out.append(
            ClaimMention(
                id=stable_id("m", article.id, "quote", str(quote.start)),
                article=article.id,
                kind=ClaimKind.QUOTE,
                start=start,
                end=end,
                text=text[start:end],
                quote=quote.text,
                speaker=speaker,
                attribution=speaker,
            )
        )
    return out


def _speech_follows(sentence: SentenceInfo, quote: QuoteSpan) -> bool:
    """A speech verb among the first words after the closing mark ("...," said X; "...,"
    the minister told reporters)."""
    words = [t for t in sentence.span if t.idx >= quote.end and not t.is_punct]
    return any(t.lemma_ in ATTRIBUTION_VERBS for t in words[:_TAIL_WORDS])


# Words after a quotation within which its speech verb stands ("...," the senior official
# said): a verb further on belongs to another clause.
_TAIL_WORDS = 4

# Characters between a quotation and the previous one for both to share a speaker when the
# second names none ("..." he said. "..."): one short sentence or paragraph break.
_QUOTE_CARRY_CHARS = 40


def statement_mentions(article: Article, sentences: list[SentenceInfo]) -> list[ClaimMention]:
    out: list[ClaimMention] = []
    for sentence in sentences:
        attribution = sentence.attribution
        if attribution is None or not attribution.named:
            continue
        speaker = attribution.person or attribution.source
        out.append(
            ClaimMention(
                id=stable_id("m", article.id, "statement", str(sentence.start)),
                article=article.id,
                kind=ClaimKind.STATEMENT,
                start=sentence.start,
                end=sentence.end,
                text=sentence.text,
                speaker=speaker,
                attribution=attribution.source,
            )
        )
    return out
