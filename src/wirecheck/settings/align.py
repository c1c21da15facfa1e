"""Settings of the align stage. Each threshold says how it was chosen.

"Seeds" below means the five-article reference case in ``../shared/seeds`` (its
``gold.yaml``); "unit tests" means the invented texts of ``tests/test_align*.py``.
Nothing here names a seed article, outlet, company or number.
"""

from __future__ import annotations

from pydantic import BaseModel, Field


class QuantitySettings(BaseModel):
    """How a quantity's qualifier becomes an interval (SPEC "Quantity")."""

    # Relative width of "about/around/approximately" and of the open side of
    # "nearly/more than": 5 points on a 70-90 % share, as in SPEC's own examples
    # ("nearly 70%" -> [~65, 70), "about 90%" -> [~85, ~95]).
    approx_relative: float = 0.06
    # A bare number stands for anything that rounds to it: half a unit of its last
    # written digit (70 -> [69.5, 70.5]); this is the usual rounding convention.
    bare_rounding: float = 0.5
    # Use the interval extraction attached to a quantity (low < high) instead of
    # rebuilding it, so one quantity has one interval everywhere. Verdicts on the
    # seeds and samples are the same either way (conflicts 1/1 each, no false one).
    use_extracted: bool = True


class GroupSettings(BaseModel):
    """When two mentions state the same thing (features and weights in ``align/similarity``)."""

    # Weighted-feature score at or above which two quantity mentions join one group.
    # Chosen on the seeds' extraction output: pairs stating one measure score
    # 0.54-1.0, pairs of different measures 0.14-0.38 (the highest: two measures of
    # one sentence, "90% of X ... as did 70% of Y"); 0.5 sits in the gap.
    same_claim: float = 0.5
    # Content-word Jaccard at which two statement/quote sentences say the same
    # thing. Seeds: versions of one quote in different outlets share >= 0.35,
    # unrelated sentences of the same story < 0.2.
    statement_overlap: float = 0.35
    # ... and at least this many shared content words, so two short sentences do
    # not meet on two common words ("Talks resumed." / "Talks failed.").
    statement_shared_words: int = 3
    # Blocking for statement grouping: a word shared by more sentences of a story
    # than this proposes no pairs (near-linear on big stories). The seeds' and
    # samples' groups are the same with and without blocking at 200.
    statement_block: int = 200
    # A shared run of this many normalised words is enough by itself for two
    # statement/quote sentences to be versions of one another (same value as the
    # change anchor below).
    statement_anchor: int = 6
    # Cosine of the static sentence model (``align/meaning.py``) at which two statements
    # from different families with one speaker are paraphrases of one statement. Fitted
    # (best pair F1) on the generator's labelled pairs, `wirecheck synth 1200 --seed 0`:
    # 5-fold CV by story picks 0.66-0.68 (F1 0.90-0.99); on all of it 0.68. Held out,
    # seed 7: pair P/R 0.966/0.949 (F1 0.958; words alone 0.967/0.689, F1 0.804).
    # ``python -m bench.statement_pairs``; 1.0 turns the channel off.
    statement_meaning: float = 0.68
    # Dimensions of that model (the provenance stage's ``embed_dims``: one cached model).
    statement_dims: int = 256
    # Weights of the quantity-pair features (nomenklatura-like; overridable per run).
    weights: dict[str, float] = Field(
        default_factory=lambda: {
            "measure_overlap": 0.6,
            "goods_category": 0.4,
            "same_value": 0.2,
            "context_overlap": 0.3,
            "same_period": 0.2,
            # qualifiers (negative): units or periods that cannot be the same measure
            "unit_mismatch": -1.0,
            # different goods categories: copies of one sentence with two shares
            # ("60% of X ... and 80% of Y") share their whole context (0.53 on the
            # samples); -0.6 takes such a pair below the threshold.
            "goods_mismatch": -0.6,
            "period_mismatch": -1.0,
        }
    )


class ChangeSettings(BaseModel):
    """When a derived text's wording counts as a change (not paraphrase)."""

    # Shortest shared run of normalised words that anchors two passages as
    # versions of one statement. Seeds: the versions of one quote share runs of
    # 7-13 words; sentences of independent reports share runs of <= 5 words
    # (a shared five-word phrase of reporting), so 6 separates them.
    anchor_words: int = 6
    # Longest differing span (words, either side) still read as a substitution
    # inside an anchored passage; longer gaps are different sentences.
    max_gap_words: int = 10
    # Stemmed content-word Jaccard at which two sentences with figures in one unit
    # count as versions of one statement (align/numbers.py). Samples: a rewritten
    # sentence and its origin share 0.44; on the seeds sentence pairs with a figure
    # in one unit reach 0.3-0.8 and all of them give a common value (no change).
    figure_overlap: float = 0.4
    # Agreeing other families needed to blame one text alone for a different
    # version (majority rule). With fewer, ties are broken by provenance signals.
    majority_families: int = 2
    # Characters before a title of office searched for its article ("the ... minister",
    # a bare role) and, doubled, for a person in apposition ("Ana Ruiz, the trade
    # minister"); the seeds' and samples' appositions span <= 35 characters.
    apposition_chars: int = 40


class AlignSettings(BaseModel):
    quantity: QuantitySettings = Field(default_factory=QuantitySettings)
    group: GroupSettings = Field(default_factory=GroupSettings)
    change: ChangeSettings = Field(default_factory=ChangeSettings)
    # Families needed for "corroborated" (SPEC: >= 2 independent origins).
    corroborated_families: int = 2
    # Give sentences extraction left without a mention a statement/quote mention
    # (align/statements.py), so single-source facts outside supply/number claims
    # are judged too. On by default: without it 3 of the seeds' 8 single-source
    # facts have no claim at all.
    derive_statements: bool = True
