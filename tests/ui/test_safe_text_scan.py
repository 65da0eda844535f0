"""Every text a widget shows is either constant or passes through ``sgdesk.ui.safe_text``.

A scan of the source: each call that hands text to Qt (labels, message boxes, tooltips, the
status bar, window titles) must get a constant, a ``tr()`` of a constant, or a helper of
``safe_text`` (``rich``, ``plain``, ``rich_lines``, or the setters that make the label plain).
The few exceptions are listed below with the reason each is safe.
"""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtGui import QTextDocument

from sgdesk.ui.safe_text import plain, rich, rich_lines

PACKAGE = Path(__file__).resolve().parents[2] / "sgdesk"
SINKS = {
    "setText", "setToolTip", "showMessage", "setWindowTitle", "setStatusTip", "setWhatsThis",
    "setInformativeText", "setDetailedText", "showText", "setLabelText", "QLabel", "QMessageBox",
}  # fmt: skip
HELPERS = {"rich", "plain", "rich_lines"}
# (file, the call's source) → why it is safe. Keep this short: prefer a helper.
ALLOWED = {
    ("ui/timeline_view.py", "QToolTip.showText(event.globalPos(), event_tooltip(self._shown[index]), "
     "self, self._rect(index))"): "event_tooltip builds it with rich_lines",
    ("ui/widgets.py", "button.setText(text)"): "tool_button: every caller passes a constant glyph",
    ("ui/window_actions.py", "action.setText(window.tr(text))"):
        "add_action: every caller passes a constant (and a QAction's text is plain: menus and the "
        "toolbar draw it as is)",
    ("ui/widgets.py", "button.setToolTip(tip)"): "tool_button: every caller passes tr() of a constant",
    ("ui/search_panel.py", "self.notice.setText(text)"):
        "_notice_html escapes every text from the user or the corpus (its links are constants); "
        "test_search_forgiving.py types markup into it",
}  # fmt: skip


def _constant(node: ast.expr) -> bool:
    if isinstance(node, ast.Constant):
        return True
    if isinstance(node, ast.Name):
        return node.id.isupper()  # a module constant
    if isinstance(node, ast.Subscript):  # LABELS[kind]: a table of constants
        return isinstance(node.value, ast.Name) and node.value.id.isupper()
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute | ast.Name):
        name = node.func.attr if isinstance(node.func, ast.Attribute) else node.func.id
        if name == "tr":
            return all(_constant(arg) for arg in node.args)
        if name == "replace" and isinstance(node.func, ast.Attribute):
            return _constant(node.func.value) and all(_constant(arg) for arg in node.args)
        return name in HELPERS
    return False


def _text_arguments(call: ast.Call, name: str) -> list[ast.expr]:
    args = call.args
    if name == "QMessageBox":
        return args[1:3]
    if name == "showText":
        return args[1:2]
    if name == "setToolTip" and len(args) == 2:  # QTreeWidgetItem.setToolTip(column, text)
        return args[1:]
    if name in ("QLabel", "setWindowTitle", "setText", "showMessage") and args:
        return [a for a in args[:1] if not (name == "QLabel" and isinstance(a, ast.Name) and a.id == "self")]
    return args[:1]


def unsafe_calls() -> list[tuple[str, str]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        relative = path.relative_to(PACKAGE).as_posix()
        if relative == "ui/safe_text.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            name = (
                func.attr
                if isinstance(func, ast.Attribute)
                else func.id
                if isinstance(func, ast.Name)
                else ""
            )
            if name not in SINKS or "clipboard()" in ast.unparse(func):
                continue
            if name == "setText" and ast.unparse(func).endswith(("field.setText", "copy_button.setText")):
                continue  # QLineEdit and buttons draw plain text
            if not all(_constant(arg) for arg in _text_arguments(node, name)):
                found.append((relative, ast.unparse(node)))
    return found


def test_every_text_shown_by_qt_is_constant_or_escaped() -> None:
    unsafe = [call for call in unsafe_calls() if call not in ALLOWED]
    assert unsafe == [], "\n".join(f"{path}: {code}" for path, code in unsafe)


def test_the_exceptions_still_exist() -> None:
    assert set(ALLOWED) <= set(unsafe_calls()), "an exception no longer matches the source: remove it"


def _shown(rich_text: str) -> str:
    document = QTextDocument()
    document.setHtml(rich_text)
    return document.toPlainText()


def test_rich_shows_markup_as_written() -> None:
    hostile = '<a href="file:///etc/passwd">Actualizar</a> & <img src="x.png"><style>*{}</style>'
    assert _shown(rich(hostile)) == hostile
    assert _shown(rich("a &amp; b\nsegunda")) == "a &amp; b\nsegunda"
    assert _shown(rich_lines(["<b>uno</b>", "", "dos"], bold_first=True)) == "<b>uno</b>\ndos"


def test_plain_is_one_printable_bounded_line() -> None:
    assert plain("a\nb\x00c\td") == "a b c d"
    long = plain("x" * 100_000)
    assert len(long) == 300
    assert long.endswith("…")
    assert plain("uno\ndos", lines=True) == "uno\ndos"
