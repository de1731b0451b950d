"""The click group every command registers on, and the error policy.

Exit codes: 0 ok; 1 the job failed (bad input, no such entity, invalid query,
validation failures); 2 bad usage (click's own). A :class:`CivicGraphError`
is printed as one line on stderr, never as a traceback. Set
``CIVICGRAPH_DEBUG=1`` to see the traceback of an unexpected error.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import click

from graph import __version__
from graph.errors import CivicGraphError


class _Group(click.Group):
    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except CivicGraphError as exc:
            click.echo(f"error: {exc}", err=True)
            ctx.exit(1)
        except (click.exceptions.Exit, click.exceptions.Abort, click.ClickException):
            raise
        except BrokenPipeError:
            # the reader went away (e.g. `| head`): stop quietly, as Unix tools do
            devnull = os.open(os.devnull, os.O_WRONLY)
            os.dup2(devnull, sys.stdout.fileno())
            ctx.exit(0)
        except KeyboardInterrupt:
            click.echo("interrupted; no output was written", err=True)
            ctx.exit(130)
        except Exception as exc:  # noqa: BLE001 - last line of defence: no tracebacks
            if os.environ.get("CIVICGRAPH_DEBUG"):
                raise
            msg = " ".join(str(exc).split()) or type(exc).__name__
            click.echo(
                f"error: internal error ({type(exc).__name__}: {msg}); "
                "rerun with CIVICGRAPH_DEBUG=1 for details",
                err=True,
            )
            ctx.exit(1)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="civicgraph")
def main() -> None:
    """civicgraph: UK civic documents -> a knowledge graph of organisations,
    programmes, places and funders.

    \b
    Example:
      civicgraph build                          # seeds/ -> outputs/graph.ttl, map.html, exports
      civicgraph show "Arts Council England"    # one entity, its relations and evidence
      civicgraph sparql --list                  # saved SPARQL queries

    \b
    Exit codes: 0 ok, 1 the job failed, 2 bad usage.
    """


def echo_err(message: str) -> None:
    """Print a message on stderr (progress, warnings)."""
    click.echo(message, err=True)


def stdout_is_tty() -> bool:
    """True when stdout is a terminal (used to choose table vs. plain output)."""
    return sys.stdout.isatty()
