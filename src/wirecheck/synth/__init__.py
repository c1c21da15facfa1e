"""Synthetic news corpus generator with gold, for evaluation and benchmarks at any size.

from wirecheck.synth import generate, write_corpus
texts, gold = generate(1000, seed=1)   # lazy (name, text) pairs + gold dict
write_corpus(1000, Path("out/synth"), seed=1)   # files + gold.yaml
"""

from wirecheck.synth.generate import build_gold, generate, write_corpus

__all__ = ["build_gold", "generate", "write_corpus"]
