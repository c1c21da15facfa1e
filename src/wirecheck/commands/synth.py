"""``wirecheck synth N --out DIR [--seed S]``: write a synthetic corpus with its gold file."""

from __future__ import annotations

import json
import time
from pathlib import Path
from typing import Annotated

import typer


def synth_command(
    n: Annotated[int, typer.Argument(min=1, help="Number of articles to write.")],
    out: Annotated[Path, typer.Option("--out", help="Output directory.")],
    seed: Annotated[int, typer.Option("--seed", help="Random seed (same seed, same corpus).")] = 0,
    as_json: Annotated[bool, typer.Option("--json", help="Print a JSON summary.")] = False,
) -> None:
    """Write N invented articles (1,000 per subdirectory) and DIR/gold.yaml for `wirecheck eval`."""
    from wirecheck.synth import write_corpus

    if out.exists() and any(out.iterdir()):
        raise typer.BadParameter(f"{out} is not empty", param_hint="--out")
    out.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    gold = write_corpus(n, out, seed=seed)
    summary = {
        "articles": len(gold["articles"]),
        "stories": len(gold["story"]["clusters"]),
        "families": len(gold["story"]["families"]),
        "seconds": round(time.perf_counter() - started, 2),
        "gold": str(out / "gold.yaml"),
    }
    if as_json:
        typer.echo(json.dumps(summary, indent=2))
    else:
        gold_path = summary.pop("gold")
        typer.echo(", ".join(f"{v} {k}" for k, v in summary.items()) + f"; gold: {gold_path}")


def register(app: typer.Typer) -> None:
    app.command("synth")(synth_command)
