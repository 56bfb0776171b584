"""Importing a registration list into the current event: read, map, plan, and apply in one go."""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Engine

from ..db import session
from .headers import Field, map_columns
from .merge import MergePlan, apply_merge, plan_merge
from .reading import RawTable, read_table
from .records import to_records


@dataclass
class ImportReport:
    table: RawTable
    columns: dict[int, Field]  # column index -> field it was imported as
    plan: MergePlan
    applied: bool

    @property
    def needs_acceptance(self) -> bool:
        return bool(self.plan.problems)


IMPORT_STEPS = 4  # for import_file's progress callback


def prepare(path: Path) -> tuple[RawTable, dict[int, Field]]:
    """Read the file and recognise its columns (for a preview); ImportFileError on a bad file."""
    table = read_table(path)
    return table, map_columns(table.headers)


def import_file(
    engine: Engine, path: Path, event_id: int, *, dry_run: bool = False,
    accept_warnings: bool = False, columns: dict[int, Field] | None = None,
    progress: Callable[[int, int], None] | None = None,
) -> ImportReport:
    """Import or merge the file into the event; writes only if not a dry run and problems are accepted.

    The plan is computed and applied in one transaction, so a concurrent import or a crash can
    never leave half a list behind. progress(step, IMPORT_STEPS), if given, is called after each
    step (read, check rows, compare with the list, write) — for a progress bar.
    """
    step = progress or (lambda _done, _total: None)
    table, recognised = prepare(path)
    step(1, IMPORT_STEPS)
    columns = recognised if columns is None else columns
    records, problems = to_records(table, columns)
    step(2, IMPORT_STEPS)
    with session(engine) as s:
        plan = plan_merge(s, event_id, records)
        plan.problems = sorted(problems + plan.problems, key=lambda p: p.row)
        step(3, IMPORT_STEPS)
        apply = not dry_run and (accept_warnings or not plan.problems)
        if apply:
            apply_merge(s, event_id, plan, source_file=path.name)
            s.commit()
    step(4, IMPORT_STEPS)
    return ImportReport(table=table, columns=columns, plan=plan, applied=apply)
