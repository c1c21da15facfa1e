"""The ``wirecheck`` command line (Typer + Rich).

Each command lives in ``wirecheck.commands.<name>`` with a ``register(app)`` function;
add a command by adding its module name to ``COMMAND_MODULES``. Command modules import
their heavy dependencies inside the command, so ``wirecheck --help`` stays fast.
"""

from __future__ import annotations

import importlib

import typer

COMMAND_MODULES: tuple[str, ...] = (
    "run", "ingest", "analyze", "report", "export", "serve", "eval", "synth", "screen", "watch",
)

app = typer.Typer(
    name="wirecheck",
    help="What was actually reported, by whom, and on how many independent sources.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def register_commands(target: typer.Typer, names: tuple[str, ...] = COMMAND_MODULES) -> None:
    """Import each command module and let it register its command(s) on ``target``."""
    for name in names:
        module = importlib.import_module(f"wirecheck.commands.{name}")
        module.register(target)


register_commands(app)


def main() -> None:  # pragma: no cover - console entry point
    app()


if __name__ == "__main__":  # pragma: no cover - python -m wirecheck.cli
    main()
