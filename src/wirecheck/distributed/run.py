"""The Ray runner's entry points: ``init_ray``, ``analyze_ray``, ``analyze_paths_ray``,
``run_ray`` (the local ``wirecheck.runner`` functions with the Ray stages)."""

from __future__ import annotations

import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from wirecheck.distributed.stages import extract_ray, provenance_ray, read_ray
from wirecheck.model import Analysis
from wirecheck.pipeline import DEFAULT_STAGES, ProgressFn, Stage, analyze, apply_provenance
from wirecheck.settings import Settings

if TYPE_CHECKING:
    from wirecheck.runner import RunResult
    from wirecheck.store import Workspace

OFFLINE_ENV = {"HF_HUB_OFFLINE": "1", "TRANSFORMERS_OFFLINE": "1"}


def init_ray(num_cpus: int | None = None) -> None:
    """Connect to ``RAY_ADDRESS`` when set, else start a local Ray without dashboard."""
    import ray
    from ray.data import DataContext

    if not ray.is_initialized():
        options: dict[str, Any] = {
            "runtime_env": {"env_vars": OFFLINE_ENV},
            "log_to_driver": False,
            "logging_level": "WARNING",
        }
        address = os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, **options)
        else:
            cpus = num_cpus or min(2, os.cpu_count() or 1)
            ray.init(num_cpus=cpus, include_dashboard=False, **options)
    logging.getLogger("ray.data").setLevel(logging.WARNING)  # no per-dataset INFO lines
    ctx = DataContext.get_current()
    ctx.execution_options.preserve_order = True  # results in input order, as the local run
    ctx.enable_progress_bars = False


RAY_STAGES: dict[str, Callable[[Analysis, Settings], Analysis]] = {
    "provenance": lambda a, s: apply_provenance(a, provenance_ray(a.articles, s.provenance)),
    "extract": extract_ray,
}  # other stages (align, entities) join the whole corpus: they run on the driver


def analyze_ray(
    analysis: Analysis,
    settings: Settings,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """``pipeline.analyze`` with the Ray version of each stage that has one; each stage's
    seconds go to ``timings``."""
    ray_stages = [_on_ray(stage, timings if timings is not None else {}) for stage in stages]
    return analyze(analysis, settings, ray_stages, progress)


def _on_ray(stage: Stage, timings: dict[str, float]) -> Stage:
    """``stage`` running its Ray version when it has one, timed into ``timings``."""
    run = RAY_STAGES.get(stage.name, stage.run)

    def timed(analysis: Analysis, settings: Settings) -> Analysis:
        started = time.perf_counter()
        result = run(analysis, settings)
        timings[stage.name] = time.perf_counter() - started
        return result

    return replace(stage, run=timed)


def analyze_paths_ray(
    paths: Sequence[str],
    settings: Settings,
    workspace: Workspace | None = None,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
    timings: dict[str, float] | None = None,
) -> Analysis:
    """``runner.analyze_paths`` on Ray: the same result, ids included."""
    from wirecheck.runner import default_cleaner, unique_articles  # local clean + dedupe

    init_ray()
    clock = timings if timings is not None else {}
    started = time.perf_counter()
    docs, errors = read_ray(paths, settings)
    clock["read"] = time.perf_counter() - started
    if progress is not None:
        progress("clean", 0, len(docs))
    started = time.perf_counter()
    articles = unique_articles(default_cleaner()(docs, settings.clean))
    clock["clean"] = time.perf_counter() - started
    if workspace is not None:
        workspace.upsert_raw(docs)
        workspace.upsert_articles(articles)
    analysis = Analysis(articles=articles, errors=errors)
    result = analyze_ray(analysis, settings, stages, progress, clock)
    if workspace is not None:
        workspace.save_analysis(result)
    return result


def run_ray(
    paths: Sequence[str],
    out_dir: str | Path,
    db: str | Path | None = None,
    settings: Settings | None = None,
    lists: Sequence[str] = (),
    *,
    stages: Sequence[Stage] = DEFAULT_STAGES,
    progress: ProgressFn | None = None,
) -> RunResult:
    """``runner.run`` (the main job) with the analysis on Ray; same files, same workspace."""
    from wirecheck.runner import run_job, with_lists

    def analyze_fn(inputs: Sequence[str], chosen: Settings, workspace: Workspace) -> Analysis:
        return analyze_paths_ray(inputs, chosen, workspace, stages, progress)

    return run_job(paths, out_dir, db, with_lists(settings or Settings(), lists), analyze_fn)
