"""PDF figures: our one-pager and book against bare ReportLab pages with the same text and font."""

from __future__ import annotations

import io
from collections.abc import Callable
from html import escape

from benchmarks.measure import Result, interleaved, median, ratio_result, timings
from briefing.model import Card, Dialogue
from briefing.paths import font_path

BARE_FONT = "BenchNanum"


def _register_bare_font() -> None:
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    if BARE_FONT not in pdfmetrics.getRegisteredFontNames():
        pdfmetrics.registerFont(TTFont(BARE_FONT, str(font_path("NanumGothic.ttf"))))
        pdfmetrics.registerFont(TTFont(BARE_FONT + "-Bold", str(font_path("NanumGothicBold.ttf"))))
        pdfmetrics.registerFontFamily(
            BARE_FONT,
            normal=BARE_FONT,
            bold=BARE_FONT + "-Bold",
            italic=BARE_FONT,
            boldItalic=BARE_FONT + "-Bold",
        )


def card_texts(card: Card) -> list[str]:
    """The card's words as paragraphs; bold lead-ins and title marked with <b> (escaped)."""
    texts = [f"<b>{escape(card.title)}</b>", escape(card.summary)]
    for point in card.points:
        lead = f"<b>{escape(point.lead)}</b> " if point.lead else ""
        texts.append(lead + escape(point.text))
    texts += [escape(note.text) for note in card.notes]
    if card.quote is not None:
        texts.append(escape(card.quote.evidence.quote))
    return texts


def bare_pages(texts_per_page: list[list[str]]) -> bytes:
    """A plain platypus document, one Paragraph per text: the same words and the same two
    fonts as ours, written with the same stream compression, and no layout work."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate

    from briefing.pdf.pages import COMPRESS_STREAMS

    _register_bare_font()
    style = ParagraphStyle("bare", fontName=BARE_FONT, fontSize=10, leading=13)
    story: list[object] = []
    for texts in texts_per_page:
        if story:
            story.append(PageBreak())
        story += [Paragraph(t, style) for t in texts]
    out = io.BytesIO()
    SimpleDocTemplate(
        out,
        pagesize=A4,
        initialFontName=BARE_FONT,
        invariant=1,
        pageCompression=int(COMPRESS_STREAMS),
    ).build(story)
    return out.getvalue()


def one_pager_figure(dialogue: Dialogue, runs: int, enforce: bool) -> Result:
    from briefing.pdf import render_card

    card = max(dialogue.cards[1:], key=lambda c: len(card_texts(c)))
    texts = card_texts(card)
    mine, theirs = interleaved(
        lambda: render_card(dialogue, card.id, "a4"), lambda: bare_pages([texts]), runs
    )
    return ratio_result(
        f"one-pager '{card.id}', in-process", median(mine), median(theirs), 1.5, "ms", enforce
    )


def book_figure(dialogue: Dialogue, runs: int, enforce: bool) -> list[Result]:
    from briefing.pdf import render_book

    pages = [card_texts(c) for c in dialogue.cards]
    pages += [[escape(p) for s in dialogue.sources for p in s.paragraphs]]

    def bare_sum() -> None:
        for page in pages:
            bare_pages([page])

    mine, theirs = interleaved(lambda: render_book(dialogue, "a4"), bare_sum, runs)
    ours = median(mine)
    ratio = ratio_result("book, in-process", ours, median(theirs), 1.5, "ms", enforce)
    absolute = Result(
        "book, in-process, absolute",
        ours * 1000,
        "ms",
        None,
        "< 150 ms",
        ours < 0.150 if enforce else None,
    )
    return [ratio, absolute]


def weasyprint_figure(dialogue: Dialogue, runs: int) -> Result | None:
    """WeasyPrint making the same one-pager from HTML: reported only, where installed."""
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    from briefing.pdf import render_card

    card = max(dialogue.cards[1:], key=lambda c: len(card_texts(c)))
    html = "<html><body>" + "".join(f"<p>{t}</p>" for t in card_texts(card)) + "</body>"
    make: Callable[[], object] = lambda: weasyprint.HTML(string=html).write_pdf()  # noqa: E731
    theirs = median(timings(make, max(1, runs // 3)))
    ours = median(timings(lambda: render_card(dialogue, card.id, "a4"), runs))
    return Result(
        "same one-pager with WeasyPrint (reported)",
        theirs * 1000,
        "ms",
        ours * 1000,
        "expected >= 25x ours",
        None,
    )
