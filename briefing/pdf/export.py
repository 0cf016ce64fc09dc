"""`export_pdfs`: write the one-pagers and the book of a dialogue into a folder, all or nothing."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path

from briefing.atomic import StagedFile, stage, write_atomic
from briefing.model import Dialogue
from briefing.pdf.book import render_book
from briefing.pdf.book_limits import check_appendix
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

    All or nothing: every file is rendered in memory first (`progress` is told after each),
    then all are written to temporary files in `out_dir`, and only then renamed over their
    targets. When anything fails, the folder is left as it was: the previous files keep
    their contents and no new file stays. Raises ValueError for an unknown card id or page
    size, BookTooLong (a ValueError, before anything is rendered) when the book's appendix
    would be over its limits, UncoveredCharacters (a ValueError) for text the fonts cannot
    draw, CardTooLong for a card that cannot fit, and ExportError (an OSError) when the
    folder cannot be created or written.
    """
    page_geometry(page_size)  # an unknown size fails before anything is rendered
    known = [card.id for card in dialogue.cards]
    ids = known if card_ids is None else list(card_ids)
    unknown = [card_id for card_id in ids if card_id not in known]
    if unknown:
        raise ValueError(
            f"no card with id {', '.join(map(repr, unknown))}; the cards are: {', '.join(known)}"
        )
    day = generation_date(generated)
    out = Path(out_dir)
    jobs: list[tuple[Path, Callable[[], bytes]]] = [
        (
            out / dialogue.pdf_name(card_id, page_size),
            _card_job(dialogue, card_id, page_size, marking, day),
        )
        for card_id in ids
    ]
    if book:
        check_appendix(dialogue)  # before a single one-pager is rendered
        jobs.append(
            (
                out / dialogue.pdf_name("book", page_size),
                lambda: render_book(dialogue, page_size, marking=marking, generated=day),
            )
        )
    for path, _ in jobs:
        if path.parent != out:  # an id from a hand-built model, not the loader
            raise ValueError(f"a card id cannot name another folder: {path.name!r}")
    rendered: list[tuple[Path, bytes]] = []
    for path, render in jobs:
        rendered.append((path, render()))
        if progress is not None:
            progress(len(rendered), len(jobs), path)
    _make_folder(out)
    return replace_all(rendered)


def replace_all(files: Sequence[tuple[Path, bytes]]) -> list[Path]:
    """Writes every file or none: stages all, then renames each over its target; when a
    rename fails, the targets already replaced get their previous contents back."""
    staged: list[StagedFile] = []
    try:
        for path, data in files:
            try:
                staged.append(stage(path, data))
            except OSError as exc:
                raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc
        previous = {s.target: _contents(s.target) for s in staged}
    except BaseException:
        for s in staged:
            s.discard()
        raise
    done: list[StagedFile] = []
    try:
        for s in staged:
            try:
                s.commit()
            except OSError as exc:
                raise ExportError(f"cannot write {s.target}: {exc.strerror or exc}") from exc
            done.append(s)
    except BaseException:
        for s in staged[len(done) :]:
            s.discard()
        for s in reversed(done):
            _restore(s.target, previous[s.target])
        raise
    return [s.target for s in staged]


def _contents(path: Path) -> bytes | None:
    """A target's current bytes, to put back if the batch fails; None when absent."""
    try:
        return path.read_bytes()
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise ExportError(f"cannot write {path}: {exc.strerror or exc}") from exc


def _restore(path: Path, contents: bytes | None) -> None:
    if contents is None:
        path.unlink(missing_ok=True)
    else:
        write_atomic(path, contents)


def _card_job(
    dialogue: Dialogue, card_id: str, page_size: PageSize, marking: str, day: date
) -> Callable[[], bytes]:
    return lambda: render_card(dialogue, card_id, page_size, marking=marking, generated=day)


def _make_folder(out: Path) -> None:
    try:
        out.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        for part in (out, *out.parents):
            if part.is_symlink() and not part.exists():
                raise ExportError(
                    f"cannot write into {out}: {part} is a broken link (it points to "
                    "something that does not exist)"
                ) from None
        raise ExportError(f"cannot write into {out}: it is a file, not a folder") from None
    except OSError as exc:
        raise ExportError(f"cannot create the folder {out}: {exc.strerror or exc}") from exc
