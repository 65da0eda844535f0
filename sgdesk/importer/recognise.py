"""Recognise the parts of a Colombian norm in its paragraphs.

The text goes through the states a norm is written in: page chrome and SISJUR's record
(before the heading), the front matter (date, vigencia notes, epígrafe, authority,
facultades), the considerandos, the articulado, and the closing formula. Nothing is
guessed: what cannot be read is left unknown and reported as a warning.
"""

from __future__ import annotations

import re
from enum import Enum, auto

from sgdesk.content import citations
from sgdesk.content.dates import MONTHS_ES, PartialDate
from sgdesk.content.text import fold
from sgdesk.importer import patterns as pt
from sgdesk.importer.model import (
    Division,
    ImportedNorm,
    ImportFileError,
    Note,
    NoteKind,
    Unit,
    UnitKind,
)

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
NO_TEXT = "El archivo no contiene el texto de la norma"


class _State(Enum):
    CHROME = auto()
    FRONT = auto()
    CONSIDERING = auto()
    BODY = auto()
    CLOSING = auto()


def recognise(paragraphs: list[str]) -> ImportedNorm:
    """The norm in ``paragraphs``; raises ImportFileError when there is no articulado."""
    return _Recogniser(paragraphs).run()


class _Recogniser:
    def __init__(self, paragraphs: list[str]) -> None:
        self.paragraphs = [" ".join(_CONTROL.sub(" ", p).split()) for p in paragraphs]
        self.norm = ImportedNorm(paragraphs=self.paragraphs)
        self.state = _State.CHROME
        self.display: tuple[str, str, int, str] | None = None  # SISJUR's display title
        self.record_issued: PartialDate | None = None
        self.date_line: PartialDate | None = None
        self.saw_chrome = False
        self.skipped_before_heading: list[int] = []
        self.stack: list[Unit] = []  # the open units, article first
        self.in_quote = False
        self.consumed: set[int] = set()  # record values read with their label

    # -- driver ------------------------------------------------------------------

    def run(self) -> ImportedNorm:
        for index, text in enumerate(self.paragraphs):
            if index in self.consumed or not text:
                continue
            self._check_reference(index, text)
            self._step(index, text)
        self._finish()
        return self.norm

    def _step(self, index: int, text: str) -> None:
        if self.state is not _State.BODY and pt.CHROME.match(text):
            self.saw_chrome = True
            return
        if self.state is _State.CHROME:
            self._chrome(index, text)
        elif self.state is _State.FRONT:
            self._front(index, text)
        elif self.state is _State.CONSIDERING:
            self._considering(index, text)
        elif self.state is _State.BODY:
            self._body(index, text)
        else:
            self._closing(index, text)

    # -- before the heading --------------------------------------------------------

    def _chrome(self, index: int, text: str) -> None:
        record = pt.RECORD_LINE.match(text)
        if record:
            self._record(index, record.group(1), record.group(2))
            return
        heading = pt.HEADING.match(text)
        if heading:
            self._identity(heading.group(1), heading.group(2), int(heading.group(3)), index)
            self.state = _State.FRONT
            return
        display = pt.DISPLAY_TITLE.match(text)
        if display and self.display is None and len(text) < 200:
            self.display = (display.group(1), display.group(2), int(display.group(3)), display.group(4))
            return
        if pt.ARTICLE.match(text) or pt.ENACTING.match(text) or pt.CONSIDERANDO.match(text):
            self._no_heading(index)
            self._step(index, text)
            return
        if pt.EPIGRAFE.match(text) and self.norm.epigrafe is None:
            self.norm.epigrafe = text
            return
        self.skipped_before_heading.append(index)

    def _no_heading(self, index: int) -> None:
        message = "No se encontró el encabezado («DECRETO 331 DE 2003»): revise tipo, número y año."
        self.norm.warn(message, index)
        if self.display:
            norm_type, number, year, _issuer = self.display
            self._identity(norm_type, number, year, index)
        self.state = _State.FRONT

    def _identity(self, norm_type: str, number: str, year: int, index: int) -> None:
        folded = fold(norm_type.lower())
        self.norm.type = "resolución" if folded == "resolucion" else folded
        self.norm.number = number
        self.norm.year = year
        if self.display and citations.norm_id(
            self.display[0], self.display[1], self.display[2]
        ) != citations.norm_id(self.norm.type, number, year):
            shown = f"{self.display[0]} {self.display[1]} de {self.display[2]}"
            self.norm.warn(f"El título de la página («{shown}») no coincide con el encabezado.", index)

    def _record(self, index: int, label: str, value: str) -> None:
        key = pt.RECORD_LABELS[fold(" ".join(label.lower().split()))]
        value = value.strip()
        following = index + 1
        if not value and following < len(self.paragraphs):
            candidate = self.paragraphs[following]
            if len(candidate) < 300 and not any(
                pattern.match(candidate)
                for pattern in (pt.RECORD_LINE, pt.CHROME, pt.HEADING, pt.DISPLAY_TITLE, pt.ARTICLE)
            ):
                value = candidate
                self.consumed.add(following)
        if not value:
            return  # an empty value: not recorded
        if key == "publication":
            self.norm.publication = value
            return
        day = _record_date(value)
        if day is None and re.search(r"[1-9]", value.replace("/", "").replace("-", "")[:2] or "0"):
            self.norm.warn(f"No se pudo leer la fecha «{value}» del registro: queda sin registrar.", index)
        if key == "issued":
            self.record_issued = day
        else:
            self.norm.in_force = day

    # -- front matter ------------------------------------------------------------------

    def _front(self, index: int, text: str) -> None:
        if pt.DATE_LINE.match(text) and self.date_line is None and self.norm.epigrafe is None:
            self._date_line(index, text)
        elif pt.NOTE.match(text):
            self._note(text, None)
        elif pt.AUTHORITY.match(text) and self.norm.authority is None:
            self.norm.authority = text
        elif pt.CONSIDERANDO.match(text):
            self.state = _State.CONSIDERING
        elif pt.ENACTING.match(text):
            self.state = _State.BODY
        elif pt.ARTICLE.match(text) or pt.DIVISION.match(text):
            self.state = _State.BODY
            self._body(index, text)
        elif self.norm.epigrafe is None and self.norm.authority is None:
            if not pt.EPIGRAFE.match(text):
                self.norm.warn("El epígrafe no empieza por «Por el cual…»: revíselo.", index)
            self.norm.epigrafe = text
        elif self.norm.authority is not None or re.search(r"facultad|atribuci|en uso de", text, re.I):
            self.norm.preamble.append(text)
        else:
            self._unrecognised(index, text)

    def _date_line(self, index: int, text: str) -> None:
        match = pt.DATE_LINE.match(text)
        assert match is not None
        parsed = _spanish_date(match.group(1), self.norm.year)
        if parsed is None:
            self.norm.warn(f"No se pudo leer la fecha «{text}»: queda sin registrar.", index)
        elif self.norm.year is not None and parsed.year != self.norm.year:
            self.norm.warn(f"La fecha «{text}» no es del año {self.norm.year} del encabezado.", index)
        else:
            self.date_line = parsed

    def _considering(self, index: int, text: str) -> None:
        if pt.NOTE.match(text):
            self._note(text, None)
        elif pt.ENACTING.match(text):
            self.state = _State.BODY
        elif pt.ARTICLE.match(text):
            self.state = _State.BODY
            self._body(index, text)
        else:
            self.norm.considerations.append(text)

    # -- the articulado ------------------------------------------------------------------

    def _body(self, index: int, text: str) -> None:
        if self.in_quote:
            self._quoted(text)
            return
        if pt.NOTE.match(text):
            self._note(text, self._article_id())
            return
        if pt.CLOSING.match(text):
            self.state = _State.CLOSING
            self.norm.closing.append(text)
            return
        division = pt.DIVISION.match(text)
        if division and (division.group(3) or self._is_heading_line(index)):
            self._division(index, division)
            return
        if pt.ARTICLE.match(text):
            self._article(index, text)
            return
        if not self.stack:
            if self.norm.divisions and self._division_title_missing(index, text):
                return
            self._unrecognised(index, text)
            return
        if self._opens_quote(text):
            self._quoted(text)
            return
        if self._sub_unit(index, text):
            return
        self.stack[-1].text.append(text)

    def _is_heading_line(self, index: int) -> bool:
        """«CAPITULO I» alone on its line, not «Capítulo I del Decreto…» inside a sentence."""
        return len(self.paragraphs[index]) < 40

    def _division(self, index: int, match: re.Match[str]) -> None:
        kind = fold(match.group(1).lower())
        kind = {"titulo": "título", "capitulo": "capítulo", "seccion": "sección"}.get(kind, kind)
        self.norm.divisions.append(
            Division(kind, match.group(2).upper(), match.group(3).strip(" .-–"), len(self.norm.articles))
        )
        self.stack = []

    def _division_title_missing(self, index: int, text: str) -> bool:
        """The name of a CAPÍTULO printed on the line after it («DISPOSICIONES GENERALES»)."""
        last = self.norm.divisions[-1]
        if last.title or last.before_article != len(self.norm.articles) or len(text) > 200:
            return False
        self.norm.divisions[-1] = Division(last.kind, last.number, text.strip(" .-–"), last.before_article)
        return True

    def _article(self, index: int, text: str) -> None:
        match = pt.ARTICLE.match(text)
        assert match is not None
        raw_number, rest = match.group(2).strip(), match.group(4).strip()
        label = text[: match.start(4)].strip() if rest else text.strip()
        number = _article_number(raw_number)
        if not raw_number:
            self.norm.warn(f"Artículo sin número: «{_short(text)}».", index)
        title, body = _split_title(rest, self._next_is_plain(index))
        article = Unit(UnitKind.ARTICLE, number, label, title, [body] if body else [], line=index)
        self.norm.articles.append(article)
        self.stack = [article]

    def _next_is_plain(self, index: int) -> bool:
        """Whether the article goes on after its first line (so a short first line is its title)."""
        following = index + 1
        if following >= len(self.paragraphs):
            return False
        text = self.paragraphs[following]
        ends = (pt.ARTICLE, pt.DIVISION, pt.CLOSING, pt.NOTE, pt.PARAGRAFO)
        return not any(pattern.match(text) for pattern in ends)

    def _sub_unit(self, index: int, text: str) -> bool:
        paragrafo = pt.PARAGRAFO.match(text)
        if paragrafo:
            raw = (paragrafo.group(2) or "").strip()
            number = pt.ORDINAL_WORDS.get(fold(raw.lower()), raw) if raw else None
            label = text[: paragrafo.start(5)].strip() if paragrafo.group(5) else text
            unit = Unit(UnitKind.PARAGRAFO, number, label, None, [paragrafo.group(5)] if paragrafo.group(5)
                        else [], line=index)  # fmt: skip
            self.stack = self.stack[:1]
            self._attach(unit)
            return True
        literal = pt.LITERAL.match(text)
        if literal and self._literal_fits(literal.group(1)):
            unit = Unit(UnitKind.LITERAL, literal.group(1), f"{literal.group(1)}{literal.group(2)}",
                        None, [literal.group(3)], line=index)  # fmt: skip
            self._place(unit)
            return True
        numeral = pt.NUMERAL.match(text)
        if numeral:
            label = f"{numeral.group(1)}{numeral.group(2).strip()}"
            unit = Unit(UnitKind.NUMERAL, numeral.group(1), label, None, [numeral.group(3)], line=index)
            self._place(unit)
            return True
        return False

    def _literal_fits(self, letter: str) -> bool:
        """«a.» starts a list; another letter only continues one (so «y. » is never a literal)."""
        if letter == "a" or any(c.kind is UnitKind.LITERAL for unit in self.stack for c in unit.children):
            return True
        unit = self.stack[-1]
        return not unit.text or unit.text[-1].rstrip().endswith(":")  # a list that starts late

    def _place(self, unit: Unit) -> None:
        """Under the open unit that holds its previous sibling, else under the innermost one."""
        for depth in range(len(self.stack) - 1, -1, -1):
            holder = self.stack[depth]
            last = holder.children[-1] if holder.children else None
            if last is not None and last.kind is unit.kind and _follows(last.number, unit.number):
                self.stack = self.stack[: depth + 1]
                self._attach(unit)
                return
        if unit.kind is UnitKind.NUMERAL and unit.number and "." in unit.number:
            parent_number = unit.number.rsplit(".", 1)[0]
            for depth in range(len(self.stack) - 1, -1, -1):
                if self.stack[depth].kind is UnitKind.NUMERAL and self.stack[depth].number == parent_number:
                    self.stack = self.stack[: depth + 1]
                    self._attach(unit)
                    return
        if not _is_first(unit.number):
            for depth in range(len(self.stack) - 1, -1, -1):  # a jump: beside the last of its kind
                holder = self.stack[depth]
                if holder.children and holder.children[-1].kind is unit.kind:
                    self.stack = self.stack[: depth + 1]
                    break
        self._attach(unit)

    def _attach(self, unit: Unit) -> None:
        self.stack[-1].children.append(unit)
        self.stack.append(unit)

    def _opens_quote(self, text: str) -> bool:
        """A quotation that an amending article introduces («… del siguiente tenor:»)."""
        if not text.startswith(('"', "“", "«")):
            return False
        unit = self.stack[-1]
        previous = (unit.quote or unit.text or [""])[-1]
        return previous.rstrip().endswith(":")

    def _quoted(self, text: str) -> None:
        self.stack[0].quote.append(text)
        closes = re.search(r"[\"”»]\s*[.;,]?\s*$", text) is not None and len(text) > 1
        self.in_quote = not closes

    # -- the end ------------------------------------------------------------------------------

    def _closing(self, index: int, text: str) -> None:
        if pt.NOTE.match(text):
            self._note(text, None)
        else:
            self.norm.closing.append(text)

    def _article_id(self) -> str | None:
        if not self.stack:
            return None
        number = self.stack[0].number
        return f"art-{number}" if number else None

    def _note(self, text: str, under: str | None) -> None:
        kind = NoteKind.REFERENCE
        folded = fold(text[:60].lower())
        for stem, value in pt.NOTE_KINDS.items():
            if re.search(rf"\b{stem}", folded) and not folded.startswith(("ver", "nota")):
                kind = NoteKind(value)
                break
        norms: list[str] = []
        first_norm_at = len(text)
        for match in pt.CITED_NORMS.finditer(text):
            first_norm_at = min(first_norm_at, match.start())
            norm_type = _singular(match.group(1))
            for number in re.findall(r"\d+", match.group(2)):
                norms.append(citations.norm_id(norm_type, number, int(match.group(3))))
        article = None
        cited = pt.CITED_ARTICLE.search(text[:first_norm_at]) if norms else None
        if cited and norms:
            article = f"{norms[0]}/art-{int(cited.group(1))}"
        self.norm.notes.append(Note(kind, text, tuple(dict.fromkeys(norms)), article, under))

    def _unrecognised(self, index: int, text: str) -> None:
        self.norm.unrecognised.append(text)
        self.norm.warn(f"Bloque no reconocido: «{_short(text)}».", index)

    def _check_reference(self, index: int, text: str) -> None:
        if pt.ARTICLE_WITHOUT_NUMBER.search(text):
            self.norm.warn(
                f"Referencia a un artículo sin número: «{_short(text)}» (la extracción pudo perderlo).", index
            )

    def _finish(self) -> None:
        norm = self.norm
        if self.in_quote:
            norm.warn("Una cita entre comillas no se cierra: revise el final del artículo.")
        if not norm.articles:
            if self.saw_chrome:
                raise ImportFileError(
                    f"{NO_TEXT}: la página guardada tiene solo el marco de SISJUR («Cargando el "
                    "Contenido del Documento»). Ábrala de nuevo, espere a que aparezca el articulado "
                    "y guárdela otra vez."
                )
            raise ImportFileError(f"{NO_TEXT} (no se encontró ningún artículo).")
        if self.skipped_before_heading:
            norm.warn(
                f"Se omitieron {len(self.skipped_before_heading)} párrafo(s) antes del encabezado "
                "que no son parte reconocible de la norma.",
                self.skipped_before_heading[0],
            )
            norm.unrecognised[:0] = [self.paragraphs[i] for i in self.skipped_before_heading]
        if norm.type is None:
            norm.warn("No se reconoció el tipo, el número ni el año de la norma.")
        norm.issued = self.record_issued or self.date_line
        if norm.issued is None and norm.year is not None:
            norm.issued = PartialDate(norm.year)
        if norm.issued and norm.year and norm.issued.year != norm.year:
            norm.warn(f"La fecha de expedición {norm.issued.iso()} no es del año {norm.year}: no se usa.")
            norm.issued = PartialDate(norm.year)
        norm.issuer = _issuer(norm.authority, self.display)
        if norm.issuer is None:
            norm.warn("No se reconoció quién expide la norma (la línea «EL ALCALDE MAYOR…»).")
        if norm.epigrafe is None:
            norm.warn("No se encontró el epígrafe («Por el cual…»).")
        _check_numbering(norm)


# -- helpers -------------------------------------------------------------------------------


def _short(text: str, width: int = 90) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _singular(word: str) -> str:
    folded = fold(word.lower())
    if folded.startswith("resolucion"):
        return "resolución"
    if folded.startswith("ley"):
        return "ley"
    for norm_type in ("acuerdo", "decreto", "circular", "directiva"):
        if folded.startswith(norm_type):
            return norm_type
    return folded


def _article_number(raw: str) -> str | None:
    if not raw:
        return None
    folded = fold(raw.lower())
    if folded in pt.ORDINAL_WORDS:
        return pt.ORDINAL_WORDS[folded]
    cleaned = re.sub(r"[°º\s-]", "", raw)
    cleaned = re.sub(r"^(\d+)o(?=$|[a-zA-Z])", r"\1", cleaned)  # «1o.» written with a letter o
    return cleaned.lower() if cleaned else None


_VERB_START = re.compile(
    r"^(?:\w+(?:se|sen)|son|es|el|la|los|las|en|para|se|corresponde|cuando|sin|con|a|de|del|este|esta)\b",
    re.IGNORECASE,
)


def _split_title(rest: str, next_is_plain: bool) -> tuple[str | None, str]:
    """«Objeto. El presente decreto…» → («Objeto», «El presente decreto…»)."""
    match = re.match(r"^([^.:;\"“]{2,120}?)\.\s+(\S.*)$", rest)
    candidate, body = (match.group(1), match.group(2)) if match else (None, rest)
    if candidate is None and next_is_plain and rest.endswith(".") and "." not in rest[:-1]:
        candidate, body = rest[:-1], ""
    if candidate is None:
        return None, rest
    words = candidate.split()
    if len(words) > 10 or not candidate[0].isupper() or _VERB_START.match(candidate):
        return None, rest
    if re.search(r"\d", candidate):
        return None, rest
    return candidate, body


def _record_date(value: str) -> PartialDate | None:
    """SISJUR's «14/04/2021»; placeholders such as «--/ 00/2014» are not a date."""
    match = re.fullmatch(r"\s*(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})\s*\.?", value)
    if not match:
        return None
    day, month, year = (int(g) for g in match.groups())
    try:
        return PartialDate(year, month, day)
    except ValueError:
        return None


_MONTH_ABBREVIATIONS = {name[:3]: index for index, name in enumerate(MONTHS_ES, start=1)}
_MONTH_ABBREVIATIONS["set"] = 9


def _spanish_date(text: str, year: int | None) -> PartialDate | None:
    """«Septiembre 30», «30 de septiembre de 2003», «noviembre 30 de 2006»."""
    folded = fold(text.lower())
    month = None
    for index, name in enumerate(MONTHS_ES, start=1):
        if re.search(rf"\b{name}\b", folded):
            month = index
            break
    if month is None:
        abbreviation = re.search(r"\b([a-z]{3})\.?\b", folded)
        month = _MONTH_ABBREVIATIONS.get(abbreviation.group(1)) if abbreviation else None
    years = re.findall(r"\b(\d{4})\b", folded)
    days = [int(d) for d in re.findall(r"\b(\d{1,2})\b", folded)]
    found_year = int(years[0]) if years else year
    if found_year is None or month is None:
        return None
    try:
        return PartialDate(found_year, month, days[0] if days else None)
    except ValueError:
        return None


def _without_dc(name: str) -> str:
    """«Alcalde Mayor de Bogotá, D. C.» → «Alcalde Mayor de Bogotá», as the corpus names issuers."""
    return re.sub(r"[,\s]*D\.?\s*C\.?[\s,.:]*$", "", name).rstrip(",.: ")


def _issuer(authority: str | None, display: tuple[str, str, int, str] | None) -> str | None:
    if authority:
        name = _without_dc(re.sub(r"^(EL|LA)\s+", "", authority.strip()))
        words = name.split()
        small = {"de", "del", "la", "las", "los", "y", "e", "en", "para"}
        shaped = [
            w if re.fullmatch(r"[A-Z]\.\s?[A-Z]\.?,?|D\.?C\.?,?", w) else
            (w.lower() if w.lower() in small and i else w.capitalize())
            for i, w in enumerate(words)
        ]  # fmt: skip
        return " ".join(shaped)
    if display:
        return _without_dc(display[3]) or None
    return None


def _follows(previous: str | None, current: str | None) -> bool:
    if previous is None or current is None:
        return False
    if previous.isalpha() and current.isalpha() and len(previous) == len(current) == 1:
        order = "abcdefghijklmnñopqrstuvwxyz"
        return order.find(current) == order.find(previous) + 1 or (previous == "n" and current == "o")
    head, _, last = previous.rpartition(".")
    current_head, _, current_last = current.rpartition(".")
    return (
        head == current_head
        and last.isdigit()
        and current_last.isdigit()
        and int(current_last) == int(last) + 1
    )


def _is_first(number: str | None) -> bool:
    return number in (None, "a", "1") or (number or "").endswith(".1")


def _check_numbering(norm: ImportedNorm) -> None:
    previous: Unit | None = None
    seen: set[str] = set()
    for article in norm.articles:
        number = article.number
        if number is not None and number in seen:
            norm.warn(f"El artículo {number} aparece dos veces.", article.line)
        if number is not None:
            seen.add(number)
        if previous and previous.number and number:
            a, b = re.match(r"\d+", previous.number), re.match(r"\d+", number)
            if a and b and int(b.group()) not in (int(a.group()), int(a.group()) + 1):
                jump = f"La numeración de los artículos salta del {previous.number} al {number}."
                norm.warn(jump, article.line)
        previous = article
        _check_children(norm, article)


def _check_children(norm: ImportedNorm, unit: Unit) -> None:
    last: dict[UnitKind, Unit] = {}
    for child in unit.children:
        before = last.get(child.kind)
        if child.kind in (UnitKind.LITERAL, UnitKind.NUMERAL):
            expected_first = before is None and not _is_first(child.number)
            if expected_first or (before is not None and not _follows(before.number, child.number)):
                where = f"{unit.kind.value} {unit.number or '(sin número)'}"
                after = f" después del {before.number}" if before else ""
                norm.warn(f"La numeración salta en el {where}: {child.kind.value} {child.number}{after}.",
                          child.line)  # fmt: skip
        last[child.kind] = child
        _check_children(norm, child)
