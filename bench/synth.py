"""Deterministic synthetic corpus sources, shaped like ``data/sources``, for scale benchmarks.

Usage::

    python -m bench.synth --provisions 1000000 [--seed 0] --out bench/.cache/corpus-1000000

writes ``DIR/informacion-general.toml`` and ``DIR/normas/<id>.toml`` that ``load_corpus``
(``sgdesk db build --sources DIR``) accepts. "Provisions" are articles plus literals; the
generator hits the requested number exactly (at 1,000,000 that is about 116,000 norms).

What the tree looks like:

* Norms of six types (decretos, resoluciones, acuerdos, circulares, directivas, leyes) from
  1990 to 2026, more of them in later years, numbered in date order and uniquely per type and
  year (some years zero-padded: "Decreto 059 de 2012"; leyes follow one national sequence).
  Issuers match the type (Concejo de Bogotá for acuerdos, Alcalde Mayor for decretos, …; "Santa
  Fe de Bogotá" in the 1990s). Dates are known to the day, the month or only the year.
* Epígrafes in their quotation marks ("Por el cual …", "Por medio de la cual …"), summaries,
  1–40 articles per norm (a few long norms), about one in eight with literals a–z, a closing
  "Vigencia" article.
* About 4 % of the norms amend earlier ones (a few thousand events at 100,000 norms): insertions
  of literals into earlier norms (the amending article quotes the literal's text, as the
  validator requires), modifications and subrogations with the new text quoted, repeals of
  norms or articles, and creations and renamings of synthetic dependencias, listed in the
  general file with ``created_by``.
* The general file has a few text sections and one section of norms per decade.

Text: sentences built from legal phrases ("Formular, orientar y coordinar las políticas de
gestión documental …", topics from a Zipf-weighted list that goes from common — "gestión
pública", "gestión documental" — to selective — "prevención del daño antijurídico") followed
by words drawn from the ``wordfreq`` Spanish list with their real frequencies
(``pip install -e .[bench]``). The output depends only on the arguments and on the wordfreq
version (recorded in the general file's first line): the same arguments give the same bytes.

Files are written one norm at a time; only small per-norm metadata (ids, titles, article
counts) and a bounded pool of literals waiting to be "inserted" stay in memory.
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import json
import random
import re
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import NamedTuple

GENERAL_FILE = "informacion-general.toml"  # = sgdesk.content.sources.GENERAL_FILE
NORMS_DIR = "normas"
FIRST_YEAR, LAST_YEAR = 1990, 2026
VOCABULARY_SIZE = 30_000  # wordfreq's most frequent Spanish words (before keeping only letters)
AMENDING_SHARE = 0.04  # norms that amend earlier ones
PENDING_LIMIT = 4_000  # literals kept waiting for an insertion event

# type -> (weight, grammatical gender, rank: a norm amends only norms of its rank or below)
TYPES: dict[str, tuple[float, str, int]] = {
    "decreto": (0.38, "m", 1),
    "resolución": (0.27, "f", 0),
    "acuerdo": (0.14, "m", 2),
    "circular": (0.10, "f", 0),
    "directiva": (0.06, "f", 0),
    "ley": (0.05, "f", 3),
}
_TYPE_NAMES = list(TYPES)
_TYPE_CUM = list(itertools.accumulate(w for w, _, _ in TYPES.values()))

# Verbs, objects and topics of Colombian administrative norms. TOPICS go from common to rare;
# they are drawn with Zipf weights (1/rank), so a query for an early topic matches many units
# and one for a late topic only a few.
TOPICS = (
    "gestión pública", "atención a la ciudadanía", "gestión documental", "desarrollo institucional",
    "talento humano", "contratación estatal", "control interno", "relaciones internacionales",
    "servicio a la ciudadanía", "planeación institucional",
    "tecnologías de la información y las comunicaciones",
    "archivos y gestión documental", "gerencia jurídica", "defensa judicial",
    "sistema integral de información", "presupuesto distrital", "derechos de las víctimas",
    "participación ciudadana", "transparencia y acceso a la información pública",
    "control disciplinario", "modernización administrativa", "gobierno digital",
    "memoria institucional e histórica", "comunicación pública", "seguridad de la información",
    "cooperación internacional", "gestión del riesgo", "protocolo y ceremonial",
    "prevención del daño antijurídico", "paz y reconciliación", "inspección, vigilancia y control",
    "personas jurídicas sin ánimo de lucro", "conciliación extrajudicial", "acción de repetición",
    "defensor del ciudadano", "imprenta distrital", "red de quejas y reclamos",
    "tecnologías de información y comunicaciones", "archivo de Bogotá", "mesas laborales sectoriales",
    "educación virtual de los servidores", "sistema de gestión de calidad", "ética pública",
    "compras públicas sostenibles", "gestión ambiental institucional", "bienes muebles e inmuebles",
    "cajas menores", "viáticos y gastos de viaje", "hermanamientos de ciudades",
    "asistencia técnica internacional", "reparación integral a las víctimas del conflicto armado",
    "lenguaje claro", "datos abiertos", "teletrabajo", "enfoque diferencial",
)  # fmt: skip
_TOPIC_CUM = list(itertools.accumulate(1 / rank for rank in range(1, len(TOPICS) + 1)))

VERBS = (
    "formular", "orientar", "coordinar", "dirigir", "liderar", "asesorar", "adoptar", "ejecutar",
    "evaluar", "promover", "garantizar", "implementar", "definir", "establecer", "articular",
    "supervisar", "prestar", "diseñar", "fortalecer", "gestionar", "administrar", "velar por",
    "hacer seguimiento a", "proponer", "apoyar", "consolidar", "difundir", "conservar",
)  # fmt: skip
OBJECTS = (
    "las políticas", "los planes y programas", "las estrategias", "los lineamientos",
    "las acciones", "los procesos", "los proyectos", "los instrumentos", "las metodologías",
    "los procedimientos", "las directrices", "los mecanismos", "el sistema", "la política",
)  # fmt: skip
SUBJECTS = (
    "La Secretaría General", "La Alcaldía Mayor de Bogotá", "Las entidades distritales",
    "Los organismos del Distrito Capital", "La dependencia competente", "El Secretario General",
    "Las secretarías de despacho", "Los servidores públicos distritales", "La administración distrital",
)  # fmt: skip
MODALS = ("deberá", "podrá", "adelantará las acciones necesarias para", "tendrá a su cargo", "procurará")
CONNECTORS = ("de conformidad con", "en el marco de", "con sujeción a", "en armonía con", "sin perjuicio de")
EPIGRAFE_VERBS = (
    "adopta", "reglamenta", "establece", "modifica", "expide", "organiza", "crea", "actualiza",
    "unifica", "define", "determina", "fija",
)  # fmt: skip
HEADINGS = (
    "Objeto", "Ámbito de aplicación", "Definiciones", "Principios", "Responsables", "Competencia",
    "Seguimiento", "Coordinación", "Informes", "Financiación", "Transitorio",
)  # fmt: skip

BASE_OFFICES: tuple[tuple[str, str, str | None], ...] = (
    ("despacho", "Despacho del Secretario General", None),
    ("direccion-juridica-distrital", "Dirección Jurídica Distrital", "despacho"),
    ("subdireccion-conceptos", "Subdirección de Conceptos", "direccion-juridica-distrital"),
    ("subdireccion-gestion-judicial", "Subdirección de Gestión Judicial", "direccion-juridica-distrital"),
    ("direccion-archivo-bogota", "Dirección Distrital de Archivo de Bogotá", "despacho"),
    ("subdireccion-archivos", "Subdirección del Sistema Distrital de Archivos", "direccion-archivo-bogota"),
    ("direccion-servicio-ciudadania", "Dirección Distrital de Calidad del Servicio", "despacho"),
    ("oficina-control-interno", "Oficina de Control Interno", "despacho"),
    ("oficina-asesora-planeacion", "Oficina Asesora de Planeación", "despacho"),
    ("direccion-talento-humano", "Dirección de Talento Humano", "despacho"),
    ("subdireccion-financiera", "Subdirección Financiera", "despacho"),
    ("oficina-tic", "Oficina de Tecnologías de la Información y las Comunicaciones", "despacho"),
)  # fmt: skip
OFFICE_KINDS = (
    "Dirección Distrital de",
    "Subdirección de",
    "Oficina de",
    "Oficina Asesora de",
    "Dirección de",
)

# event kind -> weight among the events of an amending norm
EVENT_KINDS = {
    "insertion": 0.30, "modification": 0.30, "repeal": 0.14, "replacement": 0.08,
    "renaming": 0.10, "creation": 0.08,
}  # fmt: skip
_EVENT_NAMES = list(EVENT_KINDS)
_EVENT_CUM = list(itertools.accumulate(EVENT_KINDS.values()))
_SMALL_WORDS = {"de", "del", "la", "las", "los", "el", "y", "e", "a", "en", "para", "sin", "por", "con"}
_TOML_UNSAFE = re.compile(r"[\x00-\x1f\x7f']")
_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_WORD = re.compile(r"[a-záéíóúüñ]+")


class SynthError(Exception):
    """The output folder cannot be used, or wordfreq is missing; printed as is."""


@dataclass(frozen=True)
class Stats:
    provisions: int
    norms: int
    articles: int
    literals: int
    events: int
    offices: int
    files: int
    bytes: int
    seconds: float

    def as_json(self) -> dict[str, float | int]:
        return {k: getattr(self, k) for k in self.__dataclass_fields__}


@dataclass
class _Pending:
    """A literal written in an earlier norm, to be "inserted" later by an amending article."""

    target: str  # node id: "decreto-267-2007/art-7/lit-n"
    letter: str
    text: str
    article: str  # article number
    the_norm: str  # "el Decreto 267 de 2007", "la Resolución 15 de 2014"
    rank: int


class _Ref(NamedTuple):
    """What later norms need to know about an earlier one."""

    id: str
    the: str  # "el Decreto 267 de 2007", "la Resolución 15 de 2014"
    articles: int
    rank: int


@dataclass
class _Office:
    id: str
    name: str  # first recorded name
    parent: str | None = None
    created_by: str | None = None
    current: str = ""  # name after the renamings generated so far


@dataclass
class _State:
    rng: random.Random
    words: list[str]
    word_cum: list[float]
    history: list[_Ref] = field(default_factory=list)
    earlier: int = 0  # history[:earlier] are norms of earlier years
    pending_old: list[_Pending] = field(default_factory=list)  # from earlier years
    pending_new: list[_Pending] = field(default_factory=list)  # from the current year
    offices: list[_Office] = field(default_factory=list)
    sections: dict[int, list[str]] = field(default_factory=dict)  # decade -> norm ids
    counters: dict[tuple[str, int], int] = field(default_factory=dict)
    padded: dict[tuple[str, int], bool] = field(default_factory=dict)
    articles: int = 0
    literals: int = 0
    events: int = 0
    files: int = 0
    bytes: int = 0


# -- vocabulary ----------------------------------------------------------------


def wordfreq_version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("wordfreq")
    except PackageNotFoundError:
        return "no instalado"


def vocabulary(size: int = VOCABULARY_SIZE) -> tuple[list[str], list[float]]:
    """Spanish words (letters only) and their cumulative wordfreq frequencies, most frequent first."""
    try:
        import wordfreq
    except ImportError as exc:
        raise SynthError(
            "falta el paquete wordfreq: instale el grupo de benchmarks (pip install -e '.[bench]')"
        ) from exc
    words = [w for w in wordfreq.top_n_list("es", size) if _WORD.fullmatch(w)]
    weights = [wordfreq.word_frequency(w, "es") for w in words]
    return words, list(itertools.accumulate(weights))


# -- text ----------------------------------------------------------------------


def _pick(rng: random.Random, items: Sequence[str], cum: list[float]) -> str:
    return items[bisect.bisect(cum, rng.random() * cum[-1])]


def _filler(s: _State, low: int, high: int) -> str:
    return " ".join(s.rng.choices(s.words, cum_weights=s.word_cum, k=s.rng.randint(low, high)))


def _topic(s: _State) -> str:
    return _pick(s.rng, TOPICS, _TOPIC_CUM)


def _verbs(s: _State) -> str:
    chosen = s.rng.sample(VERBS, s.rng.choice((1, 1, 2, 3)))
    text = chosen[0] if len(chosen) == 1 else f"{', '.join(chosen[:-1])} y {chosen[-1]}"
    return text[0].upper() + text[1:]


def _function_text(s: _State) -> str:
    """A literal: "Formular y orientar las políticas de gestión documental …"."""
    text = f"{_verbs(s)} {s.rng.choice(OBJECTS)} de {_topic(s)}"
    if s.rng.random() < 0.8:
        text += f" {_filler(s, 4, 22)}"
    return text + s.rng.choice((".", ".", ".", ";"))


def _sentence(s: _State) -> str:
    rng = s.rng
    roll = rng.random()
    if roll < 0.45:
        verb = rng.choice(VERBS)
        text = f"{rng.choice(SUBJECTS)} {rng.choice(MODALS)} {verb} {rng.choice(OBJECTS)} de {_topic(s)}"
        text += f" {rng.choice(CONNECTORS)} {_filler(s, 3, 18)}"
    elif roll < 0.7:
        text = f"En materia de {_topic(s)}, {_filler(s, 6, 24)}"
    else:
        text = _filler(s, 8, 30)
        text = text[0].upper() + text[1:]
    return text + "."


def _paragraph(s: _State, sentences: int) -> str:
    return " ".join(_sentence(s) for _ in range(sentences))


def _office_name(s: _State) -> str:
    topic = " ".join(w if w in _SMALL_WORDS else w[0].upper() + w[1:] for w in _topic(s).split())
    return f"{s.rng.choice(OFFICE_KINDS)} {topic}"


# -- TOML ----------------------------------------------------------------------


def _q(text: str) -> str:
    """A TOML string: literal ('…', as the real files write) unless it needs escapes."""
    if not _TOML_UNSAFE.search(text):
        return f"'{text}'"
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")


def _strings(key: str, values: Sequence[str]) -> list[str]:
    if not values:
        return [f"{key} = []"]
    return [f"{key} = [", *(f"  {_q(v)}," for v in values), "]"]


# -- norms ---------------------------------------------------------------------


def _year_budgets(provisions: int) -> list[tuple[int, int]]:
    """Provisions per year, growing over time (2026 is a partial year); they add up to ``provisions``."""
    years = range(FIRST_YEAR, LAST_YEAR + 1)
    weights = [(1 + 0.06 * (y - FIRST_YEAR)) * (0.35 if y == LAST_YEAR else 1.0) for y in years]
    cum = list(itertools.accumulate(weights))
    bounds = [0, *(round(provisions * c / cum[-1]) for c in cum)]
    return [(y, bounds[i + 1] - bounds[i]) for i, y in enumerate(years)]


def _issuer(norm_type: str, year: int, rng: random.Random) -> str:
    city = "Santa Fe de Bogotá, D.C." if 1991 <= year <= 2000 else "Bogotá"
    if norm_type == "acuerdo":
        return f"Concejo de {city}"
    if norm_type == "ley":
        return "Congreso de la República"
    if norm_type == "decreto" or (norm_type == "directiva" and rng.random() < 0.6):
        return f"Alcalde Mayor de {city}"
    return f"Secretaría General de la Alcaldía Mayor de {city}"


def _number(s: _State, norm_type: str, year: int) -> str:
    key = (norm_type, 0 if norm_type == "ley" else year)  # leyes: one national sequence
    rng = s.rng
    if key not in s.counters:
        s.padded[key] = norm_type in ("decreto", "resolución", "circular") and rng.random() < 0.35
        s.counters[key] = rng.randint(1, 12)
    else:
        s.counters[key] += rng.randint(1, 4)
    number = s.counters[key]
    return f"{number:03d}" if s.padded[key] else str(number)


def _dates(s: _State, year: int, progress: float) -> tuple[str, str | None]:
    """The issue date (day, month or year precision) and, sometimes, the date in force."""
    rng = s.rng
    span = 170 if year == LAST_YEAR else 364
    day = dt.date(year, 1, 1) + dt.timedelta(days=min(span, int(progress * span) + rng.randint(0, 5)))
    roll = rng.random()
    year_only = 0.35 if year < 2000 else 0.18
    if roll < year_only:
        return str(year), None
    if roll < year_only + 0.15:
        return day.strftime("%Y-%m"), None
    in_force = None
    if rng.random() < 0.3:
        in_force = (day + dt.timedelta(days=rng.choice((0, 0, 1, 1, 2, 5, 15)))).isoformat()
    return day.isoformat(), in_force


def _epigrafe(s: _State, gender: str, amends: str | None) -> str:
    rng = s.rng
    if gender == "m":
        opener = rng.choice(("Por el cual", "Por el cual", "Por medio del cual"))
    else:
        opener = rng.choice(("Por la cual", "Por la cual", "Por medio de la cual"))
    if amends:
        body = f"se modifica parcialmente {amends}"
    else:
        body = f"se {rng.choice(EPIGRAFE_VERBS)} {rng.choice(OBJECTS)} de {_topic(s)}"
    if rng.random() < 0.3:
        body += f" {rng.choice(CONNECTORS)} {_filler(s, 2, 8)}"
    body += rng.choice((" y se dictan otras disposiciones", "", "", " en el Distrito Capital"))
    return f'"{opener} {body}"' + rng.choice(("", "", "."))


def _article_plan(s: _State, room: int, fixed: int) -> list[int]:
    """Literals per article (0 = plain), at least ``fixed`` plain articles first, within ``room``."""
    rng = s.rng
    count = max(fixed + 1, min(40, max(1, int(rng.lognormvariate(1.35, 0.8)))))
    plan = [0] * fixed
    for _ in range(count - fixed):
        literals = 0
        if rng.random() < 0.12:
            literals = min(26, 2 + int(rng.expovariate(1 / 5)))
        plan.append(literals)
    out: list[int] = []
    for literals in plan:  # trim to the provisions left in the year
        if room <= 0:
            break
        literals = min(literals, room - 1)
        out.append(literals)
        room -= 1 + literals
    return out


@dataclass
class _Event:
    kind: str
    article: str | None  # local id of the amending article
    changes: list[tuple[str, str | None, str | None]]  # (target, old_name, new_name)
    date: str | None = None


def _of(the: str) -> str:
    """ "el Decreto …" → "del Decreto …"; "la Ley …" → "de la Ley …"."""
    return f"del {the[3:]}" if the.startswith("el ") else f"de {the}"


def _earlier_norm(s: _State, rank: int) -> _Ref:
    """An earlier norm of the same rank or below (a few tries, then any earlier norm)."""
    ref = s.history[s.rng.randrange(s.earlier)]
    for _ in range(7):
        if ref.rank <= rank:
            break
        ref = s.history[s.rng.randrange(s.earlier)]
    return ref


def _pending_literal(s: _State, rank: int) -> _Pending | None:
    """Take a literal of an earlier norm of the same rank or below, waiting to be inserted."""
    for _ in range(8 if s.pending_old else 0):
        index = s.rng.randrange(len(s.pending_old))
        pending = s.pending_old[index]
        if pending.rank <= rank:
            s.pending_old[index] = s.pending_old[-1]
            s.pending_old.pop()
            return pending
    return None


def _amendment(s: _State, kind: str, norm_id: str, rank: int, art: str) -> tuple[_Event, str, list[str], str]:
    """One amending article's event, its text, its quoted lines and what the epígrafe names."""
    rng = s.rng
    structure = "la estructura organizacional de la Secretaría General de la Alcaldía Mayor de Bogotá, D.C."
    p = _pending_literal(s, rank) if kind == "insertion" else None
    if p is not None:
        text = (
            f"Adicionar el artículo {p.article} {_of(p.the_norm)} con una función que se "
            f"identificará con el literal {p.letter}), del siguiente tenor:"
        )
        quote = ['"(…)', f'{p.letter}. {p.text}"']
        return _Event("insertion", art, [(p.target, None, None)]), text, quote, p.the_norm
    if kind == "renaming":
        chosen = rng.sample(s.offices, min(len(s.offices), rng.choice((1, 1, 1, 2, 4))))
        changes: list[tuple[str, str | None, str | None]] = []
        for office in chosen:
            new = _office_name(s)
            if new == office.current:
                new = f"{new} Distrital"
            changes.append((office.id, office.current, new))
            office.current = new
        names = "; ".join(f"«{old}» por «{new}»" for _, old, new in changes)
        return _Event("renaming", art, changes), f"Modificar la denominación de {names}.", [], structure
    if kind == "creation":
        name = _office_name(s)
        office_id = f"dependencia/sintetica-{len(s.offices):06d}"
        parent = rng.choice((None, *(f"dependencia/{o[0]}" for o in BASE_OFFICES[:4])))
        s.offices.append(_Office(office_id, name, parent, norm_id, name))
        text = f"Créase la {name} en la estructura de la Secretaría General, {_filler(s, 4, 14)}."
        event = _Event("creation", art if rng.random() < 0.6 else None, [(office_id, None, None)])
        return event, text, [], structure
    ref = _earlier_norm(s, rank)
    if kind == "repeal":
        if rng.random() < 0.5:
            return _Event("repeal", art, [(ref.id, None, None)]), f"Derogar {ref.the}.", [], ref.the
        number = rng.randint(1, ref.articles)
        text = f"Derogar el artículo {number} {_of(ref.the)}."
        return _Event("repeal", art, [(f"{ref.id}/art-{number}", None, None)]), text, [], ref.the
    number = rng.randint(1, ref.articles)  # modification or replacement (or insertion with no literal)
    kind = "replacement" if kind == "replacement" else "modification"
    verb = "Subrogar" if kind == "replacement" else "Modificar"
    text = f"{verb} el artículo {number} {_of(ref.the)}, el cual quedará así:"
    quote = [f'"Artículo {number}. {_paragraph(s, rng.randint(1, 2))}"']
    event = _Event(kind, art, [(f"{ref.id}/art-{number}", None, None)])
    return event, text, quote, ref.the


def _write_norm(s: _State, out: Path, year: int, room: int, progress: float) -> int:
    """Write one norm of ``year`` with at most ``room`` provisions; return how many it has."""
    rng = s.rng
    norm_type = _pick(rng, _TYPE_NAMES, _TYPE_CUM)
    number = _number(s, norm_type, year)
    norm_id = f"{norm_type.replace('ó', 'o')}-{int(number)}-{year}"
    _, gender, rank = TYPES[norm_type]
    the = f"{'el' if gender == 'm' else 'la'} {norm_type.capitalize()} {number} de {year}"
    issued, in_force = _dates(s, year, progress)

    kinds: list[str] = []
    if s.earlier and room >= 6 and rng.random() < AMENDING_SHARE:
        kinds = [_pick(rng, _EVENT_NAMES, _EVENT_CUM) for _ in range(min(4, 1 + int(rng.expovariate(1.0))))]
    plan = _article_plan(s, room, len(kinds))
    # Only decretos, acuerdos and leyes change the structure (create or rename dependencias).
    kinds = [k if rank or k not in ("creation", "renaming") else "modification" for k in kinds[: len(plan)]]

    label_style = rng.choice(("ARTÍCULO {}°.", "Artículo {}º.", "Artículo {}.", "ARTÍCULO {}."))
    events: list[_Event] = []
    amended: list[str] = []
    body: list[str] = []
    provisions = 0
    for position, literals in enumerate(plan):
        n = position + 1
        art = f"art-{n}"
        body += [
            "",
            "[[articles]]",
            f'id = "{art}"',
            f'number = "{n}"',
            f"label = {_q(label_style.format(n))}",
        ]
        provisions += 1 + literals
        quote: list[str] = []
        if position < len(kinds):
            event, text, quote, subject = _amendment(s, kinds[position], norm_id, rank, art)
            if rng.random() < 0.15:
                event.date = issued
            events.append(event)
            amended.append(subject)
            paragraphs = [text]
        elif n == len(plan) and n > 1 and not literals:
            body.append('heading = "Vigencia"')
            paragraphs = [
                f"El presente {norm_type} rige a partir de la fecha de su publicación y deroga las "
                "disposiciones que le sean contrarias."
            ]
        else:
            if rng.random() < 0.35:
                body.append(f"heading = {_q(rng.choice(HEADINGS))}")
            if literals:
                intro = rng.choice(("Son funciones de la {}, las siguientes:", "Corresponde a la {}:"))
                paragraphs = [intro.format(_office_name(s))]
            else:
                paragraphs = [_paragraph(s, rng.randint(1, 3)) for _ in range(rng.choice((1, 1, 1, 2, 3)))]
        body += _strings("text", paragraphs)
        if quote:
            body += _strings("quote", quote)
        for index in range(literals):
            letter = _LETTERS[index]
            text = _function_text(s)
            body += ["", "[[articles.literals]]", f'letter = "{letter}"', f"text = {_q(text)}"]
            if index == literals - 1 and index >= 1 and rng.random() < 0.2:
                target = f"{norm_id}/{art}/lit-{letter}"
                s.pending_new.append(_Pending(target, letter, text, str(n), the, rank))
        s.articles += 1
        s.literals += literals

    for event in events:
        body += ["", "[[events]]", f'kind = "{event.kind}"']
        if event.article:
            body.append(f'article = "{event.article}"')
        if event.date:
            body.append(f'date = "{event.date}"')
        for target, old, new in event.changes:
            body += ["[[events.changes]]", f'target = "{target}"']
            if old and new:
                body += [f"old_name = {_q(old)}", f"new_name = {_q(new)}"]
    s.events += len(events)

    head = [
        "# Norma sintética generada por bench.synth: no es texto jurídico real.",
        "",
        f'id = "{norm_id}"',
        f'type = "{norm_type}"',
        f'number = "{number}"',
        f"year = {year}",
        f'issuer = "{_issuer(norm_type, year, rng)}"',
        f'issued = "{issued}"',
    ]
    if in_force:
        head.append(f'in_force = "{in_force}"')
    head.append(f"epigrafe = {_q(_epigrafe(s, gender, amended[0] if amended else None))}")
    if amended:
        summary = [f"Modifica {subject}." for subject in dict.fromkeys(amended)]
    else:
        summary = [
            f"{_verbs(s)} {rng.choice(OBJECTS)} de {_topic(s)}." for _ in range(rng.choice((0, 1, 1, 2)))
        ]
    head += _strings("summary", summary)

    data = ("\n".join(head + body) + "\n").encode()
    (out / NORMS_DIR / f"{norm_id}.toml").write_bytes(data)
    s.files += 1
    s.bytes += len(data)
    s.history.append(_Ref(norm_id, the, len(plan), rank))
    s.sections.setdefault(year // 10 * 10, []).append(norm_id)
    return provisions


def _write_general(s: _State, out: Path, provisions: int, seed: int) -> None:
    rng = s.rng
    lines = [
        f"# Corpus sintético de bench.synth (provisions={provisions}, seed={seed}, "
        f"wordfreq {wordfreq_version()}): no es texto jurídico real.",
        "",
        'id = "informacion-general"',
        "title = 'Información General'",
        "",
        "[[sections]]",
        'id = "mision"',
        "title = 'Misión'",
        *_strings("paragraphs", [_paragraph(s, 3)]),
        "",
        "[[sections]]",
        'id = "objetivos-estrategicos"',
        "title = 'Objetivos Estratégicos'",
        'list = "numbered"',
        *_strings("items", [_function_text(s) for _ in range(rng.randint(3, 6))]),
    ]
    for decade, norm_ids in s.sections.items():
        last = min(decade + 9, LAST_YEAR)
        lines += [
            "",
            "[[sections]]",
            f'id = "normas-{decade}-{last}"',
            f"title = 'Normas de {decade} a {last}'",
        ]
        lines += ["norms = [", *(f'  "{norm_id}",' for norm_id in norm_ids), "]"]
    for office in s.offices:
        lines += ["", "[[offices]]", f'id = "{office.id}"', f"name = {_q(office.name)}"]
        if office.parent:
            lines.append(f'parent = "{office.parent}"')
        if office.created_by:
            lines.append(f'created_by = "{office.created_by}"')
    data = ("\n".join(lines) + "\n").encode()
    (out / GENERAL_FILE).write_bytes(data)
    s.files += 1
    s.bytes += len(data)


def _prepare(out: Path, overwrite: bool) -> None:
    if out.exists() and any(out.iterdir()):
        if not overwrite:
            raise SynthError(f"la carpeta {out} no está vacía (use --overwrite para reemplazar el corpus)")
        unexpected = [p.name for p in out.iterdir() if p.name not in (GENERAL_FILE, NORMS_DIR)]
        if unexpected:
            raise SynthError(f"la carpeta {out} tiene otros archivos ({', '.join(sorted(unexpected)[:3])})")
        shutil.rmtree(out / NORMS_DIR, ignore_errors=True)
        (out / GENERAL_FILE).unlink(missing_ok=True)
    (out / NORMS_DIR).mkdir(parents=True, exist_ok=True)


def generate(provisions: int, out: Path, seed: int = 0, overwrite: bool = False) -> Stats:
    """Write a corpus with exactly ``provisions`` articles and literals into ``out``."""
    if provisions < 1:
        raise SynthError("--provisions debe ser al menos 1")
    start = time.perf_counter()
    _prepare(out, overwrite)
    words, cum = vocabulary()
    s = _State(random.Random(seed), words, cum)
    s.offices = [
        _Office(f"dependencia/{key}", name, f"dependencia/{parent}" if parent else None, None, name)
        for key, name, parent in BASE_OFFICES
    ]
    for year, budget in _year_budgets(provisions):
        s.earlier = len(s.history)
        s.pending_old = (s.pending_old + s.pending_new)[-PENDING_LIMIT:]
        s.pending_new = []
        used = 0
        while used < budget:
            used += _write_norm(s, out, year, budget - used, used / budget)
    _write_general(s, out, provisions, seed)
    return Stats(
        provisions=s.articles + s.literals,
        norms=len(s.history),
        articles=s.articles,
        literals=s.literals,
        events=s.events,
        offices=len(s.offices),
        files=s.files,
        bytes=s.bytes,
        seconds=time.perf_counter() - start,
    )


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m bench.synth", description="Genera un corpus sintético con la forma de data/sources."
    )
    parser.add_argument("--provisions", type=int, required=True, metavar="N", help="artículos + literales")
    parser.add_argument("--seed", type=int, default=0, metavar="S", help="semilla (por defecto 0)")
    parser.add_argument("--out", type=Path, required=True, metavar="CARPETA", help="carpeta de salida")
    parser.add_argument(
        "--overwrite", action="store_true", help="reemplazar un corpus que ya esté en la carpeta"
    )
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        stats = generate(args.provisions, args.out, args.seed, args.overwrite)
    except SynthError as exc:
        print(f"bench.synth: error: {exc}", file=sys.stderr)
        return 2
    print(
        f"{args.out}: {stats.norms} normas, {stats.articles} artículos, {stats.literals} literales "
        f"({stats.provisions} disposiciones), {stats.events} eventos, {stats.offices} dependencias; "
        f"{stats.files} archivos, {stats.bytes / 1e6:.1f} MB en {stats.seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
