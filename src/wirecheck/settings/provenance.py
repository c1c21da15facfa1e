"""Settings of the provenance stage. Each threshold says how it was chosen.

"Own pairs" below means the labelled pairs written for this project in
``wirecheck/provenance/calibration.py`` (checked by tests/test_provenance_semantic.py:
rewrites/paraphrases vs same-event-but-independent statements vs unrelated news);
"seeds" means ../shared/seeds with gold.yaml; "synthetic" means the generated corpus of
``bench/bench_provenance.py``. The numbers measured are recorded in docs/provenance.md.
"""

from __future__ import annotations

from pydantic import BaseModel


class ProvenanceSettings(BaseModel):
    # --- shingles, MinHash, LSH
    # 5-word shingles: the usual choice for near-duplicate news (datatrove, NEWS-COPY use 5);
    # shorter n-grams make independent reports of one briefing look alike.
    shingle_k: int = 5
    # 128 bins: estimate std 0.04-0.06 at J=0.67 for 20-1000 shingles (measured while
    # developing; tests/test_provenance_minhash.py bounds the error).
    num_perm: int = 128
    minhash_seed: int = 1
    # 32 bands x 4 rows: S-curve midpoint ~(1/32)^(1/4)=0.42; P(candidate | J=0.8) > 0.9999,
    # P(candidate | J=0.3) ~0.23 (excerpts/rewrites below that come from the semantic channel).
    # Measured recall at J>=0.8 vs brute force: see bench/results/provenance.json.
    lsh_bands: int = 32
    # LSH pairs whose estimated Jaccard is below this are dropped before alignment unless the
    # semantic channel also proposes them; 0.1 keeps excerpts of 1/5 of a text (J~0.2).
    lsh_min_jaccard: float = 0.1

    # --- semantic channel (static MinILM-distilled embeddings, see docs/provenance.md)
    # 256 dims: on own pairs rewrite-vs-same-event AUC 0.996 (128 dims: 0.984; MiniLM itself
    # 0.992 at ~1/400 of the speed); on the seeds it separates versions from independent
    # reports better than 128 (docs/provenance.md).
    embed_dims: int = 256
    # lead = first 3 sentences: the part rewrites and independent reports of one event share.
    lead_sentences: int = 3
    # neighbours per article on lead embeddings; stories larger than this are still joined
    # through LSH pairs and transitively through the cohesion check.
    knn_k: int = 12
    # own pairs (static 256): unrelated max 0.35, same-event statements median 0.59; 0.5 sits
    # between (tests/test_provenance_semantic.py checks both sides).
    knn_min_cosine: float = 0.5
    # neighbours are searched among articles dated within this many days (undated: all).
    date_window_days: int = 3
    # language-free channel (translations): pairs sharing this many figures/names that occur
    # in at most ``marker_max_df`` texts. 4 shared markers: a translation keeps most of its
    # source's (realdev translations share a median of 3 capitalised names plus figures);
    # the document-frequency cap keeps the pair count bounded on large corpora.
    marker_min_shared: int = 4
    # ... and this many when both texts show dates within ``date_window_days`` (their own or
    # one lent by a similar text; own dates further apart never pair): own reports of one
    # event by different outlets share its rare names (officials, firms) and a figure or
    # two, not four. Measured in docs/provenance.md ("Own reports that no candidate joined").
    marker_min_shared_dated: int = 3
    marker_max_df: int = 50

    # --- alignment
    # share of the smaller sentence's word trigrams found in the other: 0.5 accepts light edits
    # (a changed word every ~6 words), rejects sentences that share a phrase only (own pairs).
    align_lexical_min: float = 0.5
    # cosine of static sentence embeddings for a semantic (paraphrase/translation) match;
    # own pairs (static 256): rewrites min 0.72 / median 0.85, same-event others max 0.75;
    # 0.8 keeps 81% of rewritten sentences, no same-event sentence, and on the seeds at most
    # 36% of an independent report's sentences find a match (versions 000/001: 58%).
    align_semantic_min: float = 0.8
    # aligned sentences must share this much of their names/numbers (of the larger set) when
    # both have some: same-template sentences about different events (own tests, synthetic
    # ports/companies) share 0-0.5 (one country of two names), rewrites and versions keep
    # all of them (own rewrite pairs, seeds 000/001).
    align_marker_min: float = 0.5
    # a verbatim run shorter than this many words (quotes excluded) is not evidence of
    # copying: the longest shared run between independent seed reports is 11 words
    # (003/004, 000/003); versions 000/001 share runs up to 40 words.
    run_min_words: int = 14

    # --- families (who copied whom); see families.py
    # containment of the shorter text's own prose (non-quote shingles) in the longer one.
    excerpt_containment_min: float = 0.7
    # both ways above this is a copy (same text, light edits).
    copy_containment_min: float = 0.8
    # version/rewrite/summary edge: share of the shorter text (by characters) whose sentences
    # have a lexical or semantic counterpart in the other. Seeds: versions 000/001 0.71;
    # independent reports <= 0.4. A background paragraph + stock quote shared by two
    # different events covers ~0.35 (own tests), so it can never make a family edge.
    rewrite_cover_min: float = 0.6
    # ... and at least this share of it aligned *lexically* (same wording, light edits): seeds
    # versions 000/001 0.58, independent reports <= 0.08; synthetic rewrites (synonym swaps)
    # keep most sentences above the trigram threshold, while synthetic independent origins
    # (paraphrased variants of one fact list) align almost only semantically.
    rewrite_lexical_min: float = 0.3
    # cheap gate before sentence alignment of a possible rewrite: lead cosine and share of
    # names/numbers in common. Seeds: versions 000/001 0.86 / 0.84, independent reports
    # <= 0.56 markers; own rewrites ~0.9 / 1.0. Pairs below either are never rewrites.
    rewrite_lead_min: float = 0.75
    rewrite_marker_min: float = 0.6
    # a derived text keeps (nearly) all names and numbers of what it took: share of the
    # shorter text's markers found in the longer. Synthetic 100k-density slice: same-template
    # texts about other companies keep 1/3 and were wrongly joined as excerpts; seeds
    # versions 000/001 keep 0.84 (000 adds its own names); own excerpts/copies keep 1.0.
    derived_marker_min: float = 0.7
    # ... and its specific markers (names, figures; not years or places): every derivation
    # edge on realdev (27 in the mixed corpus), the seeds and synth 5000 s0 (6,614) keeps
    # >= 0.6 of the smaller side's, nested forms counted (a generated 20k slice: >= 0.5);
    # one-sentence excerpts of another event written alike (the firm swapped) keep 0-0.33
    # and were joined by the fitted model on their shared template (1 edge on s0, 8 across
    # stories on the 20k slice). Every fold accepts (0.33, 0.5] (docs/provenance.md). A veto
    # before the fitted score, for two texts of one language (names change script across).
    derived_specific_min: float = 0.5
    # the derivation decision itself is fitted: wirecheck/data/provenance_weights.json
    # (scripts/fit_provenance.py); the thresholds above are inputs of its features.

    # --- translations (provenance/translations.py): inside a story written in several
    # languages, two texts of different languages are a translation pair when at least
    # ``translation_min_matches`` sentence pairs, and ``translation_min_share`` of the shorter
    # text's sentences, align in order, each ``translation_z_min`` standard deviations above
    # the sentence's similarity to the story's other texts. Fitted on the realdev topics'
    # cross-language pairs, leave-one-topic-out (grid z 1.5-3, matches 2-6, share 0.3-0.7,
    # no false pair on the training topics, then the best F1): docs/provenance.md.
    translation_z_min: float = 2.0
    translation_min_matches: int = 5
    translation_min_share: float = 0.5
    # sentences shorter than this are datelines, credits or captions: not encoded
    translation_sentence_chars: int = 25
    # the encoder's cost bound (about 50 sentences a second on 2 cores)
    translation_max_sentences: int = 40

    # --- stories
    # average-link threshold of the cohesive clustering: a merge needs the mean pair
    # similarity over *all* member pairs (pairs no candidate search proposed are scored on
    # whole texts) to reach this. Synthetic 2,000 articles: story pair P/R 0.98/0.98.
    # seeds: pair similarities 0.56-0.73 (all one story); different events sharing chrome,
    # a stock quote and a background paragraph (own tests): 0.0-0.1, but 0.35-0.44 when the
    # two events also share a 3-digit number (hypothesis found it); 0.5 sits in the gap.
    # Pairs with a text in another language are scored by the fitted model of
    # provenance/story_link.py, whose cut is mapped onto this threshold by its fitted bias
    # (scripts/fit_stories.py, leave-one-topic-out; docs/provenance.md).
    story_link_min: float = 0.5
    # candidate pairs below this similarity are not even considered for a story.
    story_pair_min: float = 0.2
    # Same-day reports the cohesion rule left apart (provenance/story_attach.py): a group of
    # at most story_attach_max_texts texts, all published the day most of a story's texts
    # were, joins that story when the mean of its story_attach_top strongest links to it
    # reaches story_attach_min: the story threshold itself (its strongest links are, on
    # average, story links), checked leave one corpus out by scripts/fit_story_attach.py:
    # real texts that belong 0.60-0.92, generated texts of other stories of that day at
    # most 0.40 at 20,000 articles (docs/provenance.md, "Same-day reports").
    story_attach_min: float = 0.5
    story_attach_top: int = 5
    story_attach_max_texts: int = 2
    # Louvain resolution of the topics whose texts weigh event keys among themselves
    # (provenance/topics.py). Lower: fewer, larger topics. Realdev: 0.2-0.4 give the same
    # stories on every topic folder and on all three as one corpus (three topics found,
    # each whole); 0.5 splits two texts off one topic folder (its recall 0.998 -> 0.930),
    # 1.0 splits each topic in 5-7 (docs/provenance.md). The middle of the plateau.
    topic_resolution: float = 0.3
