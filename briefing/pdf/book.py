"""`render_book`: cover, the overview, every sector page, and the full source text.

Each card page is fitted exactly as its one-pager is, so page numbers are known before the
build: the cover's contents list them, and "Page n of N" comes from the canvas. The source
text reproduced is capped (`book_limits`), so that a book is made in about 2 s at most.
"""

from __future__ import annotations

from datetime import date

from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    HRFlowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Table,
    TableStyle,
)

from briefing.citations import paragraph_number, source_credit
from briefing.editorial import dialogue_date
from briefing.model import Dialogue, Source
from briefing.pdf import markup
from briefing.pdf.book_limits import check_appendix
from briefing.pdf.coverage import check_book, check_marking, drawing
from briefing.pdf.fitting import fit_card
from briefing.pdf.flowables import Bookmark
from briefing.pdf.fonts import DATA_FONTS, REGULAR, register_fonts
from briefing.pdf.onepager import author
from briefing.pdf.pages import (
    DEFAULT_MARKING,
    DocumentInfo,
    PageDecor,
    build_pdf,
    generation_date,
    page_template,
)
from briefing.pdf.styles import NAVY, RULE, PageGeometry, PageSize, page_geometry, stylesheet

APPENDIX_TITLE = "Appendix: source text"
ABOUT = (
    "Each card's points are this briefing's own summary. Every point cites the paragraphs "
    "of the source it rests on (¶), and each reference links to that paragraph in the "
    "appendix, where the source is reproduced in full. Analyst context from other public "
    "sources is set apart in tinted boxes; it is not part of the dialogue's outcome."
)


def render_book(
    dialogue: Dialogue,
    page_size: PageSize = "a4",
    *,
    marking: str = DEFAULT_MARKING,
    generated: date | None = None,
) -> bytes:
    """The whole dialogue as one PDF with bookmarks; raises BookTooLong before rendering
    anything when the source text is over the appendix's limits, and UncoveredCharacters and
    CardTooLong like render_card."""
    check_appendix(dialogue)
    register_fonts()
    check_book(dialogue, DATA_FONTS)
    check_marking(marking, DATA_FONTS)
    geometry = page_geometry(page_size)
    decor = PageDecor(geometry, marking, generation_date(generated))
    templates = [page_template(name, geometry, decor) for name in ("cover", "card", "appendix")]
    marks = [
        Bookmark(markup.card_anchor_name(i), card.title) for i, card in enumerate(dialogue.cards)
    ]
    cards = [
        fit_card(dialogue, card, geometry, linked=True, page_size=page_size, lead=[mark])
        for card, mark in zip(dialogue.cards, marks, strict=True)
    ]
    # The contents list page numbers before the cover is laid out: assume a one-page cover,
    # and only when a long contents list pushes the cards back, build again with the truth.
    cover_pages = 1
    for _ in range(3):
        story: list[Flowable] = [*_cover(dialogue, geometry, cover_pages)]
        for card_story in cards:
            story.extend([NextPageTemplate("card"), PageBreak(), *card_story])
        story.extend([NextPageTemplate("appendix"), PageBreak(), *_appendix(dialogue)])
        with drawing(f"{dialogue.path.name}: the book"):
            pdf = build_pdf(story, geometry, templates, _book_info(dialogue), show_outline=True)
        laid_out = marks[0].page - 1 if marks else cover_pages
        if laid_out == cover_pages:
            break
        cover_pages = laid_out
    return pdf


def _book_info(dialogue: Dialogue) -> DocumentInfo:
    name = dialogue.display_title
    return DocumentInfo(
        title=f"Briefing book — {dialogue.title}",
        author=author(dialogue),
        subject=f"{name}: overview, sector briefings and source text",
        keywords=(name, dialogue.place, *(card.title for card in dialogue.cards), "briefing"),
    )


def _cover(dialogue: Dialogue, geometry: PageGeometry, cover_pages: int) -> list[Flowable]:
    s = stylesheet(1.0)
    story: list[Flowable] = [
        Bookmark("cover", "Cover"),
        Paragraph("BRIEFING BOOK", s["cover_kicker"]),
        Paragraph(markup.text(dialogue.title), s["cover_title"]),
        Paragraph(markup.text(f"{dialogue.place} · {dialogue_date(dialogue)}"), s["cover_meta"]),
    ]
    for person in dialogue.co_chairs:
        name = f"{person.name} {person.name_ko}" if person.name_ko else person.name
        line = f"<b>{markup.text(name)}</b>, {markup.text(person.role)}"
        story.append(Paragraph(line, s["cover_meta"]))
    story.append(HRFlowable(width="100%", thickness=1.4, color=NAVY, spaceBefore=14, spaceAfter=16))
    story.append(Paragraph("CONTENTS", s["section"]))
    story.append(_contents(dialogue, geometry, cover_pages))
    story.append(Paragraph("ABOUT THIS BRIEFING", s["section"]))
    story.append(Paragraph(markup.text(ABOUT), s["note"]))
    for source in dialogue.sources:
        story.append(Paragraph(_source_credit(source), s["cite"]))
    return story


def _contents(dialogue: Dialogue, geometry: PageGeometry, cover_pages: int) -> Flowable:
    s = stylesheet(1.0)
    rows = []
    # Every card takes exactly one page, so its page number follows from its place.
    for index, card in enumerate(dialogue.cards):
        link = f'<a href="#{markup.card_anchor_name(index)}">{markup.text(card.title)}</a>'
        page = Paragraph(str(cover_pages + 1 + index), s["contents_page"])
        rows.append([Paragraph(link, s["contents"]), page])
    appendix = f'<a href="#appendix">{markup.text(APPENDIX_TITLE)}</a>'
    rows.append(
        [
            Paragraph(appendix, s["contents"]),
            Paragraph(str(cover_pages + 1 + len(dialogue.cards)), s["contents_page"]),
        ]
    )
    table = Table(
        rows, colWidths=[geometry.frame_width - 40, 40], hAlign="LEFT", spaceAfter=18, repeatRows=0
    )
    table.setStyle(
        TableStyle(
            [
                # Cells are flowables, but Table still sets a font; not Helvetica.
                ("FONT", (0, 0), (-1, -1), REGULAR),
                ("LINEBELOW", (0, 0), (-1, -1), 0.5, RULE),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _source_credit(source: Source) -> str:
    credit = f"Source: {markup.text(source_credit(source))}, “{markup.text(source.title)}”"
    if source.url:
        credit += f", {markup.web_link(source.url)}"
    return credit


def _appendix(dialogue: Dialogue) -> list[Flowable]:
    s = stylesheet(1.0)
    story: list[Flowable] = [
        Bookmark("appendix", APPENDIX_TITLE),
        Paragraph(markup.text(APPENDIX_TITLE), s["appendix_title"]),
    ]
    for index, source in enumerate(dialogue.sources):
        story.append(CondPageBreak(120))
        story.append(Bookmark(f"source{index}", f"{source.publisher}: {source.title}", level=1))
        story.append(Paragraph(markup.text(source.publisher.upper()), s["cover_kicker"]))
        if source.headline is None:
            story.append(Paragraph(markup.text(source.title), s["appendix_headline"]))
        story.append(Paragraph(_appendix_meta(source), s["appendix_meta"]))
        for offset, text in enumerate(source.paragraphs):
            number = paragraph_number(source, offset)
            if number is None:  # the credit line: the source's own words, not a paragraph
                story.append(Paragraph(markup.text(text), s["appendix_meta"]))
            elif number == 0:
                body = markup.anchor(index, number) + markup.text(text)
                story.append(Paragraph(body, s["appendix_headline"]))
            else:
                body = markup.anchor(index, number) + markup.text(text)
                story.append(Paragraph(body, s["appendix_para"], bulletText=str(number)))
    return story


def _appendix_meta(source: Source) -> str:
    """The source's address and how its paragraphs are numbered (markup)."""
    unnumbered = [
        part
        for part, present in (
            ("the headline", source.headline is not None),
            ("the closing credit line", source.credit_line is not None),
        )
        if present
    ]
    meta = "Paragraphs are numbered as the cards cite them"
    if unnumbered:
        verb = "is" if len(unnumbered) == 1 else "are"
        meta += f"; {' and '.join(unnumbered)} {verb} not numbered"
    meta = markup.text(meta + ".")
    if source.url:
        meta = f"{markup.web_link(source.url)}<br/>{meta}"
    return meta
