"""`export_pdfs`: write the one-pagers and the book of a dialogue into a folder, atomically."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from briefing.atomic import write_atomic
from briefing.model import Dialogue
from briefing.pdf.book import render_book
from briefing.pdf.onepager import render_card
from briefing.pdf.pages import DEFAULT_MARKING, generation_date
from briefing.pdf.styles import PageSize, page_geometry


class ExportError(OSError):
    """A PDF could not be written; the message names the file and the reason."""


def export_pdfs(
    dialogue: Dialogue,
    out_dir: Path,
    page_size: PageSize = "a4",
    *,
    card_ids: Sequence[str] | None = None,
    book: bool = True,
    marking: str = DEFAULT_MARKING,
    generated: date | None = None,
    progress: Callable[[int, int, Path], None] | None = None,
) -> list[Path]:
    """Writes '<stem>-<card-id>-<size>.pdf' per card (all cards when `card_ids` is None, the
    overview first) and '<stem>-book-<size>.pdf'; returns the paths written, in order.

    Each file is complete or absent: it is written to a temporary file in `out_dir` and
    renamed; when any file fails, the files this call already wrote are removed again.
    Raises ValueError for an unknown card id or page size, CardTooLong for a card that
    cannot fit, and ExportError (an OSError) when the folder cannot be created or written.
    """
    page_geometry(page_size)  # an unknown size fails before anything is written
    known = [card.id for card in dialogue.cards]
    ids = known if card_ids is None else list(card_ids)
    unknown = [card_id for card_id in ids if card_id not in known]
    if unknown:
        raise ValueError(
            f"no card with id {', '.join(map(repr, unknown))}; the cards are: {', '.join(known)}"
        )
    day = generation_date(generated)
    out = Path(out_dir)
    stem = dialogue.path.stem
    jobs: list[tuple[Path, Callable[[], bytes]]] = [
        (
            out / f"{stem}-{card_id}-{page_size}.pdf",
            _card_job(dialogue, card_id, page_size, marking, day),
        )
        for card_id in ids
    ]
    if book:
        jobs.append(
            (
                out / f"{stem}-book-{page_size}.pdf",
                lambda: render_book(dialogue, page_size, marking=marking, generated=day),
            )
        )
    for path, _ in jobs:
        if path.parent != out:  # an id from a hand-built model, not the loader
            raise ValueError(f"a card id cannot name another folder: {path.name!r}")
    _make_folder(out)
    written: list[Path] = []
    try:
        for path, render in jobs:
            data = render()
            try:
                write_atomic(path, data)
            except OSError as exc:
                raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
            written.append(path)
            if progress is not None:
                progress(len(written), len(jobs), path)
    except BaseException:
        # A failed export leaves no partial set behind: remove what this call wrote.
        for path in written:
            path.unlink(missing_ok=True)
        raise
    return written


def _card_job(
    dialogue: Dialogue, card_id: str, page_size: PageSize, marking: str, day: date
) -> Callable[[], bytes]:
    return lambda: render_card(dialogue, card_id, page_size, marking=marking, generated=day)


def _make_folder(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(f"cannot write into {out}: it is a file, not a folder") from None
    except OSError as exc:
        raise ExportError(f"cannot create the folder {out}: {exc.strerror or exc}") from exc
