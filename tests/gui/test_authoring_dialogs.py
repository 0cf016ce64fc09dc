"""File > New and File > Add Source: the dialogs filled in as a user would, text taken
from .txt, .html and .pdf files made here, and hostile files refused with a reason."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
import yaml
from PySide6.QtCore import QMimeData, Qt, QTimer, QUrl
from PySide6.QtGui import QGuiApplication, QPageSize, QPdfWriter, QTextDocument
from PySide6.QtWidgets import QApplication
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate

from briefing.gui import add_source_dialog, pdf_text
from briefing.gui.authoring_dialogs import (
    AddSourceDialog,
    NewDialogueDialog,
    ask_add_source,
    ask_new_dialogue,
)
from briefing.gui.authoring_form import FITS
from briefing.gui.pdf_text import PdfRefused
from briefing.gui.source_import import ImportRefused, import_file, import_pasted
from briefing.loader import MAX_SOURCE_BYTES, load_dialogue
from briefing.problems import DialogueError
from briefing.provenance import split_paragraphs
from tests.gui.conftest import DialogCalls

SENTENCE = "The two countries will invest at least US$10 million in bio research."
HEADLINE = "Allies agree to deepen technology ties"
OTHER = "Officials also discussed quantum science, with a joint workshop planned for next year."


def make_txt(folder: Path) -> Path:
    path = folder / "readout.txt"
    path.write_bytes(f"{HEADLINE}\r\n\r\n{SENTENCE}\r\n\r\n\r\n{OTHER}\r\n".encode())
    return path


def make_html(folder: Path) -> Path:
    path = folder / "readout.html"
    path.write_text(
        "<!doctype html><html><head><title>Fact  Sheet: Tech\nDialogue</title>"
        "<style>p { color: red }</style><script>document.write('no')</script></head>"
        f"<body><h1>{HEADLINE}</h1><p>The two countries will invest at <b>least</b> "
        "US$10&nbsp;million in bio research.</p>"
        f"<ul><li>{OTHER}</li></ul><p>Line one<br>line two &lt;b&gt;</p></body></html>",
        "utf-8",
    )
    return path


def make_pdf(folder: Path) -> Path:
    """A PDF made with ReportLab, as a publisher's would be: a headline and two paragraphs,
    the second long enough to run over several lines."""
    path = folder / "readout.pdf"
    styles = getSampleStyleSheet()
    long_text = f"{SENTENCE} " + "The talks covered chips, batteries and clean energy. " * 6
    story = [
        Paragraph(HEADLINE, styles["Title"]),
        Paragraph(long_text, styles["BodyText"]),
        Paragraph(OTHER, styles["BodyText"]),
    ]
    SimpleDocTemplate(str(path), title="Readout of the dialogue").build(story)
    return path


def make_qt_pdf(folder: Path) -> Path:
    """A PDF made with Qt's own writer."""
    path = folder / "qt.pdf"
    writer = QPdfWriter(str(path))
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    document = QTextDocument()
    document.setPlainText(f"{HEADLINE}\n\n{SENTENCE}\n\n{OTHER}")
    document.print_(writer)
    del writer  # the file is complete once the writer is gone
    return path


@pytest.mark.parametrize("make", [make_txt, make_html, make_pdf])
def test_text_from_each_kind_of_file_holds_the_sentence_in_a_paragraph_of_its_own(
    qapp: QApplication, tmp_path: Path, make: Any
) -> None:
    imported = import_file(make(tmp_path))
    paragraphs = split_paragraphs(imported.text)
    assert paragraphs[0] == HEADLINE
    assert any(p.startswith(SENTENCE) for p in paragraphs)
    assert OTHER in paragraphs
    assert imported.text.endswith("\n") and "\r" not in imported.text


def test_a_pdf_qt_wrote_gives_the_sentence_exactly(qapp: QApplication, tmp_path: Path) -> None:
    """Qt's writer positions lines so that PDFium runs some of them together: the
    paragraphs may be fewer, but the text is all there, word for word."""
    text = import_file(make_qt_pdf(tmp_path)).text
    assert text.startswith(HEADLINE) and SENTENCE in text and OTHER in text


def test_html_blocks_become_paragraphs_and_its_title_is_offered(
    qapp: QApplication, tmp_path: Path
) -> None:
    imported = import_file(make_html(tmp_path))
    assert imported.title == "Fact Sheet: Tech Dialogue"
    assert imported.text == (f"{HEADLINE}\n\n{SENTENCE}\n\n{OTHER}\n\nLine one\nline two <b>\n"), (
        "no style or script text; entities decoded; markup in the text kept as text"
    )


def test_pdf_paragraphs_rejoin_their_lines_and_the_title_comes_from_the_pdf(
    qapp: QApplication, tmp_path: Path
) -> None:
    imported = import_file(make_pdf(tmp_path))
    assert imported.title == "Readout of the dialogue"
    long_paragraph = split_paragraphs(imported.text)[1]
    assert "\n" not in long_paragraph
    assert long_paragraph.endswith("The talks covered chips, batteries and clean energy.")


HTML_BAIT = """<html><head><link rel="stylesheet" type="text/css" href="{bait}"></head>
<body style="background-image: url({bait})"><p>Safe text <img src="{bait}">
<img src="file://{bait}"></p><table background="{bait}"><tr><td>cell</td></tr></table>
</body></html>"""


class AskingDocument(QTextDocument):
    """A QTextDocument that notes every resource Qt asks it to load, and loads none."""

    def __init__(self) -> None:
        super().__init__()
        self.asked: list[str] = []

    def loadResource(self, type: int, name: QUrl | str) -> object:
        self.asked.append(name.toString() if isinstance(name, QUrl) else name)
        return None


def test_the_bait_html_makes_qt_ask_for_the_file_in_every_way(qapp: QApplication) -> None:
    """So that the test below, where nothing may open it, is watching something real."""
    document = AskingDocument()
    document.setHtml(HTML_BAIT.format(bait="/bait"))
    document.size()  # laying out loads images
    assert set(document.asked) == {"/bait", "file:///bait"}
    assert len(document.asked) >= 5


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO as bait")
def test_html_source_opens_no_image_style_sheet_or_background_it_names(tmp_path: Path) -> None:
    """The bait is a FIFO: Qt opens files in C++, unseen by Python's audit hook, but opening
    a FIFO for reading blocks, so taking the text would never finish."""
    bait = tmp_path / "outside" / "bait.png"
    bait.parent.mkdir()
    os.mkfifo(bait)
    page = tmp_path / "page.html"
    page.write_text(HTML_BAIT.format(bait=bait), "utf-8")
    script = (
        "import sys\nfrom pathlib import Path\nfrom PySide6.QtWidgets import QApplication\n"
        "app = QApplication(sys.argv)\n"
        "from briefing.gui.source_import import import_file\n"
        "print(repr(import_file(Path(sys.argv[1])).text))\n"
    )
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run(
        [sys.executable, "-c", script, str(page)],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )
    assert done.stdout.strip() == repr("Safe text\n\ncell\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs a FIFO")
def test_a_named_pipe_is_refused_before_it_is_read(qapp: QApplication, tmp_path: Path) -> None:
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    with pytest.raises(ImportRefused, match=r"pipe\.txt: is a named pipe \(FIFO\), not a text"):
        import_file(fifo)


def write(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def encrypted_pdf(path: Path) -> Path:
    canvas = Canvas(str(path), encrypt="secret")
    canvas.drawString(72, 720, SENTENCE)
    canvas.save()
    return path


def picture_only_pdf(path: Path) -> Path:
    canvas = Canvas(str(path))
    canvas.rect(72, 72, 200, 200, fill=1)
    canvas.save()
    return path


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (
            lambda d: write(d / "a.txt", b"caf\xe9"),
            r"a\.txt: not UTF-8 text \(byte 0xe9 on line 1\)",
        ),
        (lambda d: write(d / "a.txt", b"a\x00b"), "contains NUL bytes"),
        (lambda d: write(d / "a.txt", b" \n\n"), r"a\.txt: no text to store"),
        (lambda d: write(d / "a.txt", b"x" * (MAX_SOURCE_BYTES + 1)), r"too large \(over 4 MiB\)"),
        (lambda d: write(d / "a.docx", b"PK\x03\x04"), "takes text from .txt, .md, .html and .pdf"),
        (lambda d: write(d / "a.pdf", b"%PDF-1.4 nothing"), "not a PDF document, or is damaged"),
        (lambda d: encrypted_pdf(d / "a.pdf"), "protected by a password"),
        (lambda d: picture_only_pdf(d / "a.pdf"), r"no text to store \(a scanned PDF"),
        (lambda d: d, "is a folder"),
        (lambda d: write(d / "a.html", b"<div>" * 201), "nests elements over 200 deep"),
        (lambda d: write(d / "a.htm", b"<p>a" * 200_001), "over 200,000 tags; copy its text"),
        (lambda d: d / "gone.txt", "no such file"),
    ],
)
def test_files_that_give_no_text_are_refused_with_the_reason(
    qapp: QApplication, tmp_path: Path, make: Any, message: str
) -> None:
    with pytest.raises(ImportRefused, match=message):
        import_file(make(tmp_path))


def test_pdfs_past_the_page_or_text_limit_are_refused(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    data = make_pdf(tmp_path).read_bytes()
    with pytest.raises(PdfRefused, match="more text than a source may hold"):
        pdf_text.pdf_text(data, max_chars=100)
    monkeypatch.setattr(pdf_text, "MAX_PAGES", 0)
    with pytest.raises(PdfRefused, match="has 1 page; Briefing reads at most 0"):
        pdf_text.pdf_text(data, max_chars=10_000)


def test_lines_past_the_budget_for_asking_where_they_stand_keep_their_text(
    qapp: QApplication, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(pdf_text, "MAX_LINES_ASKED", 0)
    text = import_file(make_qt_pdf(tmp_path)).text
    assert text.count("\n\n") == 0 and SENTENCE in text and OTHER in text


def test_markdown_is_taken_as_plain_text(qapp: QApplication, tmp_path: Path) -> None:
    path = write(tmp_path / "notes.md", b"# Heading\n\nSome *text* with <b>tags</b>.\n")
    assert import_file(path).text == "# Heading\n\nSome *text* with <b>tags</b>.\n"


# -- New Dialogue ---------------------------------------------------------------------------


def fill_new(qtbot: Any, dialog: NewDialogueDialog) -> None:
    qtbot.keyClicks(dialog.title, "Second U.S.-ROK Technology Dialogue")
    qtbot.keyClicks(dialog.place, "Washington")
    qtbot.keyClicks(dialog.date, "Friday")
    qtbot.keyClicks(dialog.co_chairs[0].name, "Cho Tae-yong")
    qtbot.keyClicks(dialog.co_chairs[0].role, "National Security Adviser")


def test_new_dialogue_creates_the_file_and_sources_folder_from_the_form(
    qtbot: Any, tmp_path: Path, dialog_calls: DialogCalls
) -> None:
    dialog = NewDialogueDialog(None)
    qtbot.addWidget(dialog)
    dialog_calls.folder = tmp_path / "round-two"
    qtbot.mouseClick(dialog.findChild(type(dialog.ok), "chooseFolder"), Qt.MouseButton.LeftButton)
    assert dialog.folder.text() == str(tmp_path / "round-two")
    fill_new(qtbot, dialog)
    assert dialog.file_name.text() == "second-u-s-rok-technology-dialogue.yaml"
    dialog.resolved.setChecked(True)
    qtbot.keyClicks(dialog.resolved_day, "2024-12-13")
    qtbot.keyClicks(dialog.resolved_note, "Reports give Friday 13 December 2024.")
    qtbot.keyClicks(dialog.cite_title, "Yonhap")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.result() == dialog.DialogCode.Accepted
    path = tmp_path / "round-two" / "second-u-s-rok-technology-dialogue.yaml"
    assert dialog.created == path
    assert (path.parent / "sources").is_dir()
    facts = yaml.safe_load(path.read_text("utf-8"))["dialogue"]
    assert (facts["title"], facts["place"], facts["date"]) == (
        "Second U.S.-ROK Technology Dialogue",
        "Washington",
        "Friday",
    )
    assert facts["resolved_date"]["cites"] == [{"title": "Yonhap"}]
    assert [(c["name"], c["country"]) for c in facts["co_chairs"]] == [("Cho Tae-yong", "KR")]


def test_new_dialogue_says_what_is_wrong_and_stays_open(qtbot: Any, tmp_path: Path) -> None:
    (tmp_path / "taken.yaml").write_text("mine\n", "utf-8")
    dialog = NewDialogueDialog(None, tmp_path)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_new(qtbot, dialog)
    qtbot.keyClicks(dialog.file_name, "\b" * 60 + "taken")
    assert dialog.file_name.text() == "taken"
    dialog.title.setText("A new title")  # a typed file name is not replaced
    dialog.accept()
    assert dialog.isVisible() and dialog.created is None
    assert dialog.message.text() == f"Taken.yaml already exists in {tmp_path}; choose another name."
    assert (tmp_path / "taken.yaml").read_text("utf-8") == "mine\n"
    dialog.resolved.setChecked(True)
    dialog.file_name.setText("free")
    dialog.accept()
    assert dialog.message.text() == "Resolved date '' is not a date; write it YYYY-MM-DD."
    dialog.cite_url.setText("file:///etc/passwd")
    dialog.accept()
    assert "must be a web address" in dialog.message.text()
    assert not (tmp_path / "free.yaml").exists()


def test_ask_new_dialogue_returns_the_new_file_or_none(qtbot: Any, tmp_path: Path) -> None:
    def fill_and(accept: bool) -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, NewDialogueDialog)
        fill_new(qtbot, dialog)
        dialog.accept() if accept else dialog.reject()

    QTimer.singleShot(0, lambda: fill_and(True))
    path = ask_new_dialogue(None, tmp_path)
    assert path == tmp_path / "second-u-s-rok-technology-dialogue.yaml" and path.is_file()
    QTimer.singleShot(0, lambda: fill_and(False))
    assert ask_new_dialogue(None, tmp_path / "other") is None
    assert not (tmp_path / "other").exists()


# -- Add Source ------------------------------------------------------------------------------

DATA = {"sources": [{"id": "yonhap", "file": "sources/yonhap.txt"}]}


@pytest.mark.parametrize("make", [make_txt, make_html, make_pdf])
def test_add_source_stores_the_files_text_and_returns_its_entry(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, make: Any
) -> None:
    original = make(tmp_path)
    dialogue = tmp_path / "dialogue"
    monkeypatch.setattr(add_source_dialog, "ask_source_file", lambda *_: original)
    dialog = AddSourceDialog(None, dialogue, DATA)
    qtbot.addWidget(dialog)
    qtbot.mouseClick(
        dialog.findChild(type(dialog.ok), "chooseSourceFile"), Qt.MouseButton.LeftButton
    )
    assert SENTENCE in dialog.text.toPlainText()
    assert dialog.origin.text().startswith(f"From {original.name} (")
    assert dialog.title.text() in (
        "readout",
        "Fact Sheet: Tech Dialogue",
        "Readout of the dialogue",
    )
    dialog.title.setText("Yonhap: talks")
    assert dialog.source_id.text() == "yonhap-talks"
    qtbot.keyClicks(dialog.publisher, "Yonhap News Agency")
    qtbot.keyClicks(dialog.url, "https://en.yna.co.kr/view/AEN1")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert dialog.entry == {
        "id": "yonhap-talks",
        "title": "Yonhap: talks",
        "publisher": "Yonhap News Agency",
        "file": "sources/yonhap-talks.txt",
        "url": "https://en.yna.co.kr/view/AEN1",
    }
    stored = (dialogue / "sources" / "yonhap-talks.txt").read_text("utf-8")
    assert SENTENCE in stored
    assert stored == dialog.text.toPlainText()


def test_pasted_rich_text_is_stored_as_its_plain_text(qtbot: Any, tmp_path: Path) -> None:
    dialog = AddSourceDialog(None, tmp_path, {"sources": []})
    qtbot.addWidget(dialog)
    mime = QMimeData()
    mime.setHtml(f'<p>{SENTENCE}</p><img src="{tmp_path}/bait.png"><p><b>Bold</b> end</p>')
    mime.setText(f"{SENTENCE}\r\n\r\nBold end")
    QGuiApplication.clipboard().setMimeData(mime)
    dialog.text.paste()
    qtbot.waitUntil(lambda: dialog.count.text().startswith("2 paragraphs"))
    assert dialog.count.text() == "2 paragraphs; quotes will be checked against this text."
    dialog.title.setText("Statement")
    dialog.publisher.setText("Office")
    dialog.accept()
    assert dialog.entry == {
        "id": "statement",
        "title": "Statement",
        "publisher": "Office",
        "file": "sources/statement.txt",
    }
    assert (tmp_path / "sources" / "statement.txt").read_text(
        "utf-8"
    ) == f"{SENTENCE}\n\nBold end\n"


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "", "text": "t"}, "Give the source's title and publisher."),
        ({"source_id": "has space", "text": "t"}, "The id takes letters, digits"),
        ({"source_id": "yonhap", "text": "t"}, "The dialogue already has a source 'yonhap'."),
        ({"url": "javascript:alert(1)", "text": "t"}, "The address must be a web address"),
        ({"text": "  \n "}, "No text to store."),
    ],
)
def test_add_source_says_what_is_missing_and_stores_nothing(
    qtbot: Any, tmp_path: Path, fields: dict[str, str], message: str
) -> None:
    dialog = AddSourceDialog(None, tmp_path, DATA)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.title.setText("Title")
    dialog.publisher.setText("Publisher")
    for name, value in fields.items():
        widget = getattr(dialog, name)
        widget.setPlainText(value) if name == "text" else widget.setText(value)
    dialog.accept()
    assert dialog.isVisible() and dialog.entry is None
    assert dialog.message.text().startswith(message)
    assert not (tmp_path / "sources").exists()


def test_a_refused_file_leaves_the_text_as_it_was(
    qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = write(tmp_path / "bad.txt", b"\xff\xfe\x00\xd8")
    monkeypatch.setattr(add_source_dialog, "ask_source_file", lambda *_: bad)
    dialog = AddSourceDialog(None, tmp_path, DATA)
    qtbot.addWidget(dialog)
    dialog.text.setPlainText("Pasted before")
    dialog.choose_file()
    assert dialog.text.toPlainText() == "Pasted before"
    assert dialog.message.text() == "bad.txt: not UTF-16 text, despite its mark."


def test_ask_add_source_returns_the_entry(qtbot: Any, tmp_path: Path) -> None:
    def fill() -> None:
        dialog = QApplication.activeModalWidget()
        assert isinstance(dialog, AddSourceDialog)
        dialog.text.setPlainText(SENTENCE)
        dialog.title.setText("Readout")
        dialog.publisher.setText("Office")
        dialog.accept()

    QTimer.singleShot(0, fill)
    entry = ask_add_source(None, tmp_path, {"sources": []})
    assert entry is not None and entry["file"] == "sources/readout.txt"


def test_the_dialogs_fit_a_1024_by_640_screen(qtbot: Any, tmp_path: Path) -> None:
    for dialog in (NewDialogueDialog(None, tmp_path), AddSourceDialog(None, tmp_path, DATA)):
        qtbot.addWidget(dialog)
        dialog.show()
        assert dialog.width() <= 1024 and dialog.height() <= 640 - 40
        assert (dialog.width(), dialog.height()) == FITS
        hint = dialog.minimumSizeHint()
        assert hint.width() <= FITS[0] and hint.height() <= FITS[1]


def test_pasted_text_that_is_empty_is_refused() -> None:
    with pytest.raises(ImportRefused, match="no text to store"):
        import_pasted("\u00a0\r\n\ufffc")


def test_the_new_dialogue_opens_as_a_draft_and_takes_the_added_source(
    qtbot: Any, tmp_path: Path
) -> None:
    """The seam with the editor: the file New makes opens as a draft, and the entry Add
    Source returns is one `edit.add_source` takes, its text read as the source."""
    from briefing.document import apply, open_document
    from briefing.edit import add_source

    new = NewDialogueDialog(None, tmp_path)
    qtbot.addWidget(new)
    fill_new(qtbot, new)
    new.accept()
    assert new.created is not None
    with pytest.raises(DialogueError) as caught:
        load_dialogue(new.created)
    assert {p.message for p in caught.value.problems} == {"needs at least 1 item(s)", "is empty"}
    doc = open_document(new.created)
    assert doc.is_draft and doc.dialogue is not None
    assert doc.dialogue.title == "Second U.S.-ROK Technology Dialogue"
    add = AddSourceDialog(None, tmp_path, doc.data)
    qtbot.addWidget(add)
    assert add.take_file(make_html(tmp_path))
    add.publisher.setText("The White House")
    add.accept()
    assert add.entry is not None
    doc, _undo = apply(doc, add_source(doc, add.entry))
    assert doc.dialogue is not None
    assert doc.dialogue.sources[0].paragraphs[1] == SENTENCE
    assert "sources" not in {p.path for p in doc.problems}
