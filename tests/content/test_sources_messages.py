"""What `sgdesk db build` says to the content team about broken sources, word for word, and
what a good set of sources loads into: on the small synthetic corpus of ``tests/synthetic.py``,
broken one thing at a time (docs/equipo-de-contenido.md: the team fixes what the validator names,
file and entry, and builds again)."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from sgdesk.content.dates import PartialDate
from sgdesk.content.model import Block, BlockKind, Change, Event, EventKind, NodeKind
from sgdesk.content.sources import content_version, describe_target, event_sort_key, load_corpus
from sgdesk.errors import SourceError
from tests.synthetic import write_sources

GENERAL = "informacion-general.toml"
N1 = "normas/decreto-1-2000.toml"
N2 = "normas/decreto-2-2003.toml"
N3 = "normas/decreto-3-2005.toml"
N4 = "normas/decreto-4-2006.toml"
N5F = "normas/resolucion-5-2008.toml"
N6 = "normas/decreto-6-2009.toml"
N6_TEXT = """id = "decreto-6-2009"
type = "decreto"
number = "6"
year = 2009
issuer = "Alcalde Mayor de Bogotá"
issued = "2009"
epigrafe = "Sin sección."
"""
KINDS = "issuance, insertion, modification, replacement, renaming, creation, repeal"

# A fifth norm with what the others lack: a summary, a heading, a quote, an article without a
# number, events with their own date, in a section of its own with a numbered list.
N5 = """
id = "resolucion-5-2008"
type = "resolución"
number = "5"
year = 2008
issuer = "Secretaría de Prueba"
issued = "2008-09-01"
epigrafe = '"Adiciona un literal citándolo."'
summary = ['Primera línea del resumen.', 'Segunda línea.']

[[articles]]
id = "art-1"
number = "1"
heading = "Adición"
text = ['Adiciona el literal c:']
quote = ['c. Literal c de prueba, adicionado después.', 'Fin de la cita.']

[[articles]]
id = "art-transitorio"
text = ['Sin número.']
[[articles.literals]]
letter = "a"
text = 'Literal de un artículo sin número.'

[[events]]
kind = "insertion"
article = "art-1"
date = "2008-10"
[[events.changes]]
target = "decreto-1-2000/art-1/lit-c"

[[events]]
kind = "modification"
[[events.changes]]
target = "decreto-1-2000/art-2"
"""

SECTION5 = """
[[sections]]
id = "resoluciones"
title = 'Resoluciones'
paragraphs = ['Antes de la lista.']
items = ['Uno.', 'Dos.']
list = "numbered"
norms = ["resolucion-5-2008"]
"""


def _sources(tmp_path: Path) -> Path:
    folder = write_sources(tmp_path / "sources", offices=True)
    (folder / "normas" / "resolucion-5-2008.toml").write_text(N5, encoding="utf-8")
    general = folder / GENERAL
    text = general.read_text(encoding="utf-8").replace("\n[[offices]]", SECTION5 + "\n[[offices]]", 1)
    general.write_text(text, encoding="utf-8")
    return folder


def _edit(folder: Path, name: str, old: str, new: str) -> None:
    path = folder / name
    text = path.read_text(encoding="utf-8") if path.exists() else ""
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def _problems(folder: Path) -> list[str]:
    with pytest.raises(SourceError) as caught:
        load_corpus(folder)
    problems = caught.value.problems
    assert caught.value.message == f"Las fuentes del corpus tienen {len(problems)} error(es):\n" + "\n".join(
        f"  - {p}" for p in problems
    )
    return problems


# -- one thing broken at a time: the exact list the team reads -----------------------------------

G = "informacion-general.toml › "
D3 = "decreto-3-2005.toml: "
D3_ = "decreto-3-2005.toml › "
CASES: dict[str, tuple[list[tuple[str, str, str]], list[str]]] = {
    "a required field missing": (
        [(N3, 'issuer = "Alcalde Mayor de Bogotá"\n', "")],
        [D3 + "falta el campo «issuer»"],
    ),
    "a text that is a number": (
        [(N3, 'issuer = "Alcalde Mayor de Bogotá"', "issuer = 5")],
        [D3 + "el campo «issuer» debe ser un texto"],
    ),
    "a text of spaces": (
        [(N3, 'issuer = "Alcalde Mayor de Bogotá"', 'issuer = "  "')],
        [D3 + "el campo «issuer» está vacío"],
    ),
    "a year in quotes": (
        [(N3, "year = 2005", 'year = "2005"')],
        [
            D3 + "el campo «year» debe ser un número entero",
            G + "sección funciones: la norma «decreto-3-2005» no existe en normas/",
        ],
    ),
    "a list of texts with a number in it": (
        [(N3, "text = ['Deroga el Decreto 1 de 2000.']", "text = ['Deroga.', 3]")],
        [D3_ + "artículo art-1: el campo «text» debe ser una lista de textos"],
    ),
    "a list of texts that is one text": (
        [(N3, "text = ['Deroga el Decreto 1 de 2000.']", "text = 'Deroga.'")],
        [D3_ + "artículo art-1: el campo «text» debe ser una lista de textos"],
    ),
    "two unknown fields, in order": (
        [(N3, "year = 2005\n", "year = 2005\nzona = 1\nalcance = 2\n")],
        [D3 + "campo desconocido «alcance»", D3 + "campo desconocido «zona»"],
    ),
    "a date that is no date": (
        [(N3, 'issued = "2005"', 'issued = "2005-02-30"')],
        [D3 + "fecha no válida en «issued»: «2005-02-30» (use AAAA, AAAA-MM o AAAA-MM-DD)"],
    ),
    "a norm without its date": (
        [(N3, 'issued = "2005"\n', "")],
        [D3 + "falta el campo «issued»"],
    ),
    "a date in another year": (
        [(N3, 'issued = "2005"', 'issued = "2006"')],
        [D3 + "la fecha de expedición 2006 no es del año 2005"],
    ),
    "a bad date in force": (
        [(N4, 'in_force = "2006-05-12"', 'in_force = "12/05/2006"')],
        ["decreto-4-2006.toml: fecha no válida en «in_force»: «12/05/2006» (use AAAA, AAAA-MM o AAAA-MM-DD)"],
    ),
    "articles that are not tables": (
        [
            (
                N3,
                '[[articles]]\nid = "art-1"\nnumber = "1"\nlabel = "ARTÍCULO 1°."\n'
                "text = ['Deroga el Decreto 1 de 2000.']\n",
                'articles = "art-1"\n',
            )
        ],
        [
            D3 + "«articles» debe ser una lista de tablas [[articles]]",
            D3_ + "evento 1: el artículo «decreto-3-2005/art-1» no existe",
        ],
    ),
    "articles with a text among the tables": (
        [(N6, "", N6_TEXT + "articles = [{id = 'art-1', text = ['x']}, 'art-2']\n")],
        [
            "decreto-6-2009.toml: «articles» debe ser una lista de tablas [[articles]]",
            "normas/decreto-6-2009.toml: la norma no aparece en ninguna sección",
        ],
    ),
    "an unknown type of norm": (
        [(N3, 'type = "decreto"', 'type = "decretico"')],
        [
            D3 + "tipo de norma desconocido «decretico»",
            D3 + "el id «decreto-3-2005» no corresponde a la norma (debe ser «decretico-3-2005»)",
            G + "sección funciones: la norma «decreto-3-2005» no existe en normas/",
        ],
    ),
    "a number with a letter": (
        [(N3, 'number = "3"', 'number = "3A"')],
        [
            D3 + "el número «3A» debe tener solo dígitos",
            G + "sección funciones: la norma «decreto-3-2005» no existe en normas/",
        ],
    ),
    "an id that is not the norm's": (
        [(N3, 'id = "decreto-3-2005"', 'id = "decreto-30-2005"')],
        [
            D3 + "el id «decreto-30-2005» no corresponde a la norma (debe ser «decreto-3-2005»)",
            G + "sección funciones: la norma «decreto-3-2005» no existe en normas/",
        ],
    ),
    "a section without an id, named by its place": (
        [(GENERAL, 'id = "mision"\n', "")],
        [
            G + "sección 1: falta el campo «id»",
            G + "cambio posterior 2: destino desconocido «mision» (use un id del índice o «estructura»)",
        ],
    ),
    "a section without a title": (
        [(GENERAL, "title = 'Misión'\n", "")],
        [
            G + "sección mision: falta el campo «title»",
            G + "cambio posterior 2: destino desconocido «mision» (use un id del índice o «estructura»)",
        ],
    ),
    "a section with an unknown field": (
        [(GENERAL, "title = 'Misión'", "title = 'Misión'\norden = 1")],
        [G + "sección mision: campo desconocido «orden»"],
    ),
    "a section with nothing in it": (
        [(GENERAL, "paragraphs = ['Texto de prueba de la misión.']\n", "")],
        [G + "sección mision: la sección no tiene texto («paragraphs», «items» o «norms»)"],
    ),
    "a list style that does not exist": (
        [(GENERAL, 'list = "numbered"', 'list = "romano"')],
        [G + "sección resoluciones: «list» debe ser «numbered» o «bulleted», no «romano»"],
    ),
    "a section listing a norm that does not exist": (
        [(GENERAL, 'norms = ["decreto-1-2000",', 'norms = ["decreto-9-2000", "decreto-1-2000",')],
        [G + "sección funciones: la norma «decreto-9-2000» no existe en normas/"],
    ),
    "a norm in two sections": (
        [(GENERAL, 'norms = ["resolucion-5-2008"]', 'norms = ["resolucion-5-2008", "decreto-2-2003"]')],
        [G + "sección resoluciones: la norma «decreto-2-2003» ya está en la sección «funciones»"],
    ),
    "a norm in no section": (
        [(GENERAL, ', "decreto-3-2005"', "")],
        # (its units are not in the index either: its own event's article is «unknown» too)
        [
            "normas/decreto-3-2005.toml: la norma no aparece en ninguna sección",
            D3_ + "evento 1: el artículo «decreto-3-2005/art-1» no existe",
        ],
    ),
    "two sections with the same id": (
        [(GENERAL, 'id = "resoluciones"', 'id = "mision"')],
        [G + "sección mision: id duplicado «mision»"],
    ),
    "a section with an office's id": (
        [(GENERAL, 'id = "resoluciones"', 'id = "dependencia/despacho"')],
        [G + "sección dependencia/despacho: id duplicado «dependencia/despacho»"],
    ),
    "edition 0": (
        [(GENERAL, "edition = 2", "edition = 0")],
        ["informacion-general.toml: «edition» debe ser 1 o más, no 0"],
    ),
    "an unknown field in the general file": (
        [(GENERAL, "edition = 2", "edition = 2\nedicion = 3")],
        ["informacion-general.toml: campo desconocido «edicion»"],
    ),
    "a general file without its id": (
        [(GENERAL, 'id = "informacion-general"\n', "")],
        ["informacion-general.toml: falta el campo «id»"],
    ),
    "a general file without its title": (
        [(GENERAL, "title = 'Información General'\n", "")],
        ["informacion-general.toml: falta el campo «title»"],
    ),
    "an edition in quotes": (
        [(GENERAL, "edition = 2", 'edition = "2"')],
        ["informacion-general.toml: el campo «edition» debe ser un número entero"],
    ),
    "offices that are not tables": (
        [
            (GENERAL, "edition = 2", 'edition = 2\noffices = "ninguna"'),
            (GENERAL, "[[offices]]", "[[oficinas]]"),
            (GENERAL, "[[offices]]", "[[oficinas]]"),
            (GENERAL, "[[offices]]", "[[oficinas]]"),
        ],
        [
            "informacion-general.toml: campo desconocido «oficinas»",
            "informacion-general.toml: «offices» debe ser una lista de tablas [[offices]]",
            "decreto-4-2006.toml › evento 1: destino desconocido «dependencia/oficina-b»",
            "decreto-4-2006.toml › evento 2: destino desconocido «dependencia/oficina-a»",
        ],
    ),
    "an office without an id": (
        [(GENERAL, 'id = "dependencia/despacho"\n', "")],
        [
            G + "dependencia ?: falta el campo «id»",
            G + "dependencia dependencia/oficina-a: dependencia superior desconocida «dependencia/despacho»",
            G + "dependencia dependencia/oficina-b: dependencia superior desconocida «dependencia/despacho»",
        ],
    ),
    "an office without a name": (
        [(GENERAL, 'name = "Oficina A de Prueba"\n', "")],
        [
            G + "dependencia dependencia/oficina-a: falta el campo «name»",
            "decreto-4-2006.toml › evento 2: destino desconocido «dependencia/oficina-a»",
        ],
    ),
    "two offices with the same id": (
        [(GENERAL, 'id = "dependencia/oficina-a"', 'id = "dependencia/despacho"')],
        [
            G + "dependencia dependencia/despacho: id duplicado «dependencia/despacho»",
            "decreto-4-2006.toml › evento 2: destino desconocido «dependencia/oficina-a»",
        ],
    ),
    "an office with an unknown field": (
        [(GENERAL, 'name = "Despacho de Prueba"', 'name = "Despacho de Prueba"\nsigla = "DP"')],
        [G + "dependencia dependencia/despacho: campo desconocido «sigla»"],
    ),
    "an office under an unknown one": (
        [(GENERAL, 'parent = "dependencia/despacho"\ncreated_by', 'parent = "dependencia/nada"\ncreated_by')],
        [G + "dependencia dependencia/oficina-b: dependencia superior desconocida «dependencia/nada»"],
    ),
    "an office created by a norm that does not create it": (
        [(GENERAL, 'created_by = "decreto-4-2006"', 'created_by = "decreto-2-2003"')],
        [G + "dependencia dependencia/oficina-b: «decreto-2-2003» no tiene un evento «creation» para ella"],
    ),
    "an office created by a norm that only renames it": (
        [
            (
                GENERAL,
                'name = "Oficina A de Prueba"\nparent = "dependencia/despacho"\n',
                'name = "Oficina A de Prueba"\nparent = "dependencia/despacho"\n'
                'created_by = "decreto-4-2006"\n',
            )
        ],
        [G + "dependencia dependencia/oficina-a: «decreto-4-2006» no tiene un evento «creation» para ella"],
    ),
    "an article without an id, named by its place": (
        [(N1, 'id = "art-2"\n', "")],
        [
            "decreto-1-2000.toml › artículo 2: falta el campo «id»",
            "decreto-2-2003.toml › evento 1: destino desconocido «decreto-1-2000/art-2»",
            "resolucion-5-2008.toml › evento 2: destino desconocido «decreto-1-2000/art-2»",
        ],
    ),
    "an article whose id is not its number": (
        [(N3, 'id = "art-1"', 'id = "art-2"')],
        [
            D3_ + "artículo art-2: el id «art-2» debe ser «art-<número>» cuando hay número",
            D3_ + "evento 1: el artículo «decreto-3-2005/art-1» no existe",
        ],
    ),
    "an article whose id claims a number it does not declare": (
        [(N3, 'number = "1"\n', "")],
        [D3_ + 'artículo art-1: el id «art-1» indica un número: escriba number = "1" o use otro id'],
    ),
    "an article with an unknown field": (
        [(N3, 'number = "1"\n', 'number = "1"\nnota = "x"\n')],
        [D3_ + "artículo art-1: campo desconocido «nota»"],
    ),
    "a literal without a letter, named by its place": (
        [(N1, 'letter = "b"\n', "")],
        ["decreto-1-2000.toml › artículo art-1 › literal 2: falta el campo «letter»"],
    ),
    "a literal without text": (
        [(N1, "text = 'Literal a de prueba.'\n", "")],
        ["decreto-1-2000.toml › artículo art-1 › literal a: falta el campo «text»"],
    ),
    "the inserted literal without text": (
        [(N1, "text = 'Literal c de prueba, adicionado después.'\n", "")],
        [
            "decreto-1-2000.toml › artículo art-1 › literal c: falta el campo «text»",
            "decreto-2-2003.toml › evento 2: destino desconocido «decreto-1-2000/art-1/lit-c»",
            "resolucion-5-2008.toml › evento 1: destino desconocido «decreto-1-2000/art-1/lit-c»",
        ],
    ),
    "a literal twice": (
        [(N1, 'letter = "b"', 'letter = "a"')],
        [
            "decreto-1-2000.toml › artículo art-1 › literal a: literal «a» repetido",
            G + "sección funciones: id duplicado «decreto-1-2000/art-1/lit-a»",
        ],
    ),
    "a literal with an unknown field": (
        [(N1, 'letter = "b"', 'letter = "b"\nnumero = 2')],
        ["decreto-1-2000.toml › artículo art-1 › literal b: campo desconocido «numero»"],
    ),
    "literals that are not tables": (
        [(N3, "text = ['Deroga el Decreto 1 de 2000.']", "text = ['Deroga.']\nliterals = 'a'")],
        [D3_ + "artículo art-1: «literals» debe ser una lista de tablas [[articles.literals]]"],
    ),
    "events that are not tables": (
        [(N6, "", N6_TEXT + "events = 'ninguno'\n")],
        [
            "decreto-6-2009.toml: «events» debe ser una lista de tablas [[events]]",
            "normas/decreto-6-2009.toml: la norma no aparece en ninguna sección",
        ],
    ),
    "an unknown kind of event": (
        [(N3, 'kind = "repeal"', 'kind = "derogacion"')],
        [D3_ + f"evento 1: tipo de evento desconocido «derogacion» (use: {KINDS})"],
    ),
    "an event without a kind": (
        [(N3, 'kind = "repeal"\n', "")],
        [D3_ + "evento 1: falta el campo «kind»"],
    ),
    "an event without changes": (
        [(N3, '[[events.changes]]\ntarget = "decreto-1-2000"\n', "")],
        [D3_ + "evento 1: el evento no tiene cambios («[[events.changes]]» con «target»)"],
    ),
    "changes that are not tables": (
        [(N3, '[[events.changes]]\ntarget = "decreto-1-2000"\n', 'changes = "decreto-1-2000"\n')],
        [
            D3_ + "evento 1: «changes» debe ser una lista de tablas [[events.changes]]",
            D3_ + "evento 1: el evento no tiene cambios («[[events.changes]]» con «target»)",
        ],
    ),
    "a change without a target": (
        [(N3, 'target = "decreto-1-2000"\n', 'old_name = "x"\n')],
        [
            D3_ + "evento 1: falta el campo «target»",
            D3_ + "evento 1: el evento no tiene cambios («[[events.changes]]» con «target»)",
        ],
    ),
    "a change with an unknown field": (
        [(N3, 'target = "decreto-1-2000"\n', 'target = "decreto-1-2000"\nnota = "x"\n')],
        [D3_ + "evento 1: campo desconocido «nota»"],
    ),
    "an event in an unknown article": (
        [(N3, 'article = "art-1"', 'article = "art-9"')],
        [D3_ + "evento 1: el artículo «decreto-3-2005/art-9» no existe"],
    ),
    "an event with an unknown field": (
        [(N3, 'kind = "repeal"', 'kind = "repeal"\nnota = "x"')],
        [D3_ + "evento 1: campo desconocido «nota»"],
    ),
    "the second event's target unknown": (
        [(N2, 'target = "decreto-1-2000/art-1/lit-c"', 'target = "decreto-1-2000/art-1/lit-z"')],
        ["decreto-2-2003.toml › evento 2: destino desconocido «decreto-1-2000/art-1/lit-z»"],
    ),
    "two unknown targets in one event, each named": (
        [(N3, 'target = "decreto-1-2000"\n', 'target = "nada"\n[[events.changes]]\ntarget = "tampoco"\n')],
        [D3_ + "evento 1: destino desconocido «nada»", D3_ + "evento 1: destino desconocido «tampoco»"],
    ),
    "a renaming without the new name": (
        [(N4, 'new_name = "Oficina A Renombrada"\n', "")],
        [
            "decreto-4-2006.toml › evento 2: el cambio de denominación de «dependencia/oficina-a» necesita "
            "«old_name» y «new_name»"
        ],
    ),
    "a renaming without the old name": (
        [(N4, 'old_name = "Oficina A de Prueba"\n', "")],
        [
            "decreto-4-2006.toml › evento 2: el cambio de denominación de «dependencia/oficina-a» necesita "
            "«old_name» y «new_name»"
        ],
    ),
    "a creation of an article": (
        [
            (N4, 'target = "dependencia/oficina-b"', 'target = "decreto-1-2000/art-1"'),
            (GENERAL, 'created_by = "decreto-4-2006"\n', ""),
        ],
        ["decreto-4-2006.toml › evento 1: «creation» aplica a dependencias, no a «decreto-1-2000/art-1»"],
    ),
    "an insertion whose text is not the quoted one": (
        [(N1, "text = 'Literal c de prueba, adicionado después.'", "text = 'Literal c, cambiado.'")],
        [
            "resolucion-5-2008.toml › evento 1: el texto de «decreto-1-2000/art-1/lit-c» no coincide con el "
            "que "
            "cita resolucion-5-2008/art-1"
        ],
    ),
    "a later change without its norm": (
        [(GENERAL, 'norm = "Acuerdo 9 de 2011"\n', "")],
        [G + "cambio posterior 2: falta el campo «norm»"],
    ),
    "a later change without what it affects": (
        [(GENERAL, 'affects = "Cambio de prueba conocido por el año."\n', "")],
        [G + "cambio posterior 2: falta el campo «affects»"],
    ),
    "a later change citing no norm": (
        [(GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "el acuerdo nuevo"')],
        [
            G + "cambio posterior 2: «norm» debe citar una norma así: «Decreto 140 de "
            "2021», no «el acuerdo nuevo»"
        ],
    ),
    "a later change citing a norm inside more text": (
        [(GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "Acuerdo 9 de 2011 y otro"')],
        [
            G + "cambio posterior 2: «norm» debe citar una norma así: «Decreto 140 de "
            "2021», no «Acuerdo 9 de 2011 y otro»"
        ],
    ),
    "a later change citing two norms": (
        [(GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "Acuerdo 9 de 2011 Decreto 1 de 2011"')],
        [
            G + "cambio posterior 2: «norm» debe citar una norma así: «Decreto 140 de "
            "2021», no «Acuerdo 9 de 2011 Decreto 1 de 2011»"
        ],
    ),
    "a later change issued in another year": (
        [(GENERAL, 'issued = "2011"', 'issued = "2012-01"')],
        [G + "cambio posterior 2: la fecha de expedición 2012-01 no es del año de «Acuerdo 9 de 2011»"],
    ),
    "a later change in force before it was issued": (
        [(GENERAL, 'in_force = "2010-02-05"', 'in_force = "2010-02-02"')],
        [G + "cambio posterior 1: la entrada en vigencia 2010-02-02 es anterior a la expedición"],
    ),
    "a later change with a bad date in force": (
        [(GENERAL, 'in_force = "2010-02-05"', 'in_force = "5 de febrero"')],
        [
            G + "cambio posterior 1: fecha no válida en «in_force»: «5 de febrero» (use AAAA, AAAA-MM o "
            "AAAA-MM-DD)"
        ],
    ),
    "a later change published in a number": (
        [(GENERAL, 'publication = "Registro de Prueba 1"', "publication = 1")],
        [G + "cambio posterior 1: el campo «publication» debe ser un texto"],
    ),
    "an office's superior that is not a text": (
        [(GENERAL, 'name = "Despacho de Prueba"', 'name = "Despacho de Prueba"\nparent = 1')],
        [G + "dependencia dependencia/despacho: el campo «parent» debe ser un texto"],
    ),
    "an office's creator that is not a text": (
        [(GENERAL, 'name = "Despacho de Prueba"', 'name = "Despacho de Prueba"\ncreated_by = 1')],
        [G + "dependencia dependencia/despacho: el campo «created_by» debe ser un texto"],
    ),
    "a section's paragraphs that are one text": (
        [(GENERAL, "paragraphs = ['Antes de la lista.']", "paragraphs = 'Antes de la lista.'")],
        [G + "sección resoluciones: el campo «paragraphs» debe ser una lista de textos"],
    ),
    "a section's items that are one text": (
        [(GENERAL, "items = ['Uno.', 'Dos.']", "items = 'Uno.'")],
        [G + "sección resoluciones: el campo «items» debe ser una lista de textos"],
    ),
    "a section's norms that are one text": (
        [(GENERAL, 'norms = ["resolucion-5-2008"]', 'norms = "resolucion-5-2008"')],
        [
            G + "sección resoluciones: el campo «norms» debe ser una lista de textos",
            "normas/resolucion-5-2008.toml: la norma no aparece en ninguna sección",
            "resolucion-5-2008.toml › evento 1: el artículo «resolucion-5-2008/art-1» no existe",
        ],
    ),
    "a summary that is one text": (
        [(N5F, "summary = ['Primera línea del resumen.', 'Segunda línea.']", "summary = 'Resumen.'")],
        ["resolucion-5-2008.toml: el campo «summary» debe ser una lista de textos"],
    ),
    "an article number that is a number": (
        [(N3, 'number = "1"', "number = 1")],
        [D3_ + "artículo art-1: el campo «number» debe ser un texto"],
    ),
    "a heading that is a list": (
        [(N5F, 'heading = "Adición"', 'heading = ["Adición"]')],
        ["resolucion-5-2008.toml › artículo art-1: el campo «heading» debe ser un texto"],
    ),
    "a quote that is one text": (
        [(N5F, "quote = ['c. Literal c de prueba, adicionado después.', 'Fin de la cita.']", "quote = 'c.'")],
        ["resolucion-5-2008.toml › artículo art-1: el campo «quote» debe ser una lista de textos"],
    ),
    "a label that is a number": (
        [(N3, 'label = "ARTÍCULO 1°."', "label = 1")],
        [D3_ + "artículo art-1: el campo «label» debe ser un texto"],
    ),
    "an event's date that is no date": (
        [(N5F, 'date = "2008-10"', 'date = "octubre de 2008"')],
        [
            "resolucion-5-2008.toml › evento 1: fecha no válida en «date»: «octubre de 2008» "
            "(use AAAA, AAAA-MM o AAAA-MM-DD)"
        ],
    ),
    "an event's article that is a number": (
        [(N3, 'article = "art-1"', "article = 1")],
        [D3_ + "evento 1: el campo «article» debe ser un texto"],
    ),
    "a later change with no targets": (
        [(GENERAL, 'targets = ["mision"]', "targets = []")],
        [G + "cambio posterior 2: «targets» no puede estar vacío: diga qué puede haber cambiado"],
    ),
    "a later change twice": (
        [
            (GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "Decreto 8 de 2010"'),
            (GENERAL, 'issued = "2011"', 'issued = "2010"'),
        ],
        [G + "cambio posterior 2: cambio posterior repetido «Decreto 8 de 2010»"],
    ),
    "a later change with an unknown target": (
        [(GENERAL, 'targets = ["mision"]', 'targets = ["vision"]')],
        [G + "cambio posterior 2: destino desconocido «vision» (use un id del índice o «estructura»)"],
    ),
    "a later change with an unknown field": (
        [(GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "Acuerdo 9 de 2011"\nfecha = "2011"')],
        [G + "cambio posterior 2: campo desconocido «fecha»"],
    ),
    "later changes that are not tables": (
        [
            (GENERAL, "edition = 2", 'edition = 2\nlater_changes = "ninguno"'),
            (GENERAL, "[[later_changes]]", "[[cambios]]"),
            (GENERAL, "[[later_changes]]", "[[cambios]]"),
        ],
        [
            "informacion-general.toml: campo desconocido «cambios»",
            "informacion-general.toml: «later_changes» debe ser una lista de tablas [[later_changes]]",
        ],
    ),
    "a synonyms file that is not TOML": (
        [("sinonimos.toml", "", "[[synonyms]\n")],
        [
            "sinonimos.toml: TOML no válido: Expected ']]' at the end of an array declaration "
            "(at line 1, column 11)"
        ],
    ),
    "a synonyms file with a bad entry": (
        [("sinonimos.toml", "", '[[synonyms]]\nforms = ["SG"]\n')],
        ["sinonimos.toml › sinónimo 1: «forms» necesita al menos dos formas equivalentes"],
    ),
}


@pytest.mark.parametrize("case", list(CASES))
def test_what_the_validator_says(tmp_path: Path, case: str) -> None:
    edits, expected = CASES[case]
    folder = _sources(tmp_path)
    for name, old, new in edits:
        _edit(folder, name, old, new)
    assert _problems(folder) == expected


def test_the_same_norm_in_two_files(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / "normas" / "otra.toml").write_bytes((folder / N3).read_bytes())
    assert _problems(folder) == ["otra.toml: id duplicado «decreto-3-2005»"]


def test_a_file_that_is_not_utf8_names_the_byte_and_where(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / N3).write_bytes(b'id = "\xff"\n')
    assert _problems(folder) == [
        D3 + "no es texto UTF-8 válido (byte 0xff en la posición 6)",
        G + "sección funciones: la norma «decreto-3-2005» no existe en normas/",
    ]


def test_a_file_that_cannot_be_read(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / "normas" / "carpeta.toml").mkdir()
    assert _problems(folder) == ["carpeta.toml: no se pudo leer: es una carpeta"]


def test_a_general_file_that_is_not_toml(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / GENERAL).write_text('id = "sin cerrar\n', encoding="utf-8")
    problems = _problems(folder)
    assert (
        problems[0]
        == "informacion-general.toml: TOML no válido: Illegal character '\\n' (at line 1, column 17)"
    )
    # then every norm «in no section», and their units' events: the first line is the one to fix
    assert "normas/decreto-1-2000.toml: la norma no aparece en ninguna sección" in problems


def test_sections_that_are_not_tables(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, "edition = 2", 'edition = 2\nsections = "ninguna"')
    for _ in range(3):
        _edit(folder, GENERAL, "[[sections]]", "[[secciones]]")
    problems = _problems(folder)
    assert problems[:3] == [
        "informacion-general.toml: campo desconocido «secciones»",
        "informacion-general.toml: «sections» debe ser una lista de tablas [[sections]]",
        "normas/decreto-1-2000.toml: la norma no aparece en ninguna sección",
    ]  # then every norm and their units' events, as with a general file that is not TOML


def test_sources_without_the_general_file(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / GENERAL).unlink()
    assert _problems(folder) == [f"informacion-general.toml: no existe en {folder}"]


# -- what good sources load into ------------------------------------------------------------------


def test_the_tree_places_counts_and_kinds(tmp_path: Path) -> None:
    corpus = load_corpus(_sources(tmp_path))
    assert [(n.id, n.parent, n.position, n.kind.value, n.child_count) for n in corpus.nodes] == [
        ("informacion-general", None, 0, "section", 3),
        ("mision", "informacion-general", 0, "section", 0),
        ("decreto-1-2000", "funciones", 0, "norm", 2),
        ("decreto-1-2000/art-1", "decreto-1-2000", 0, "article", 3),
        ("decreto-1-2000/art-1/lit-a", "decreto-1-2000/art-1", 0, "literal", 0),
        ("decreto-1-2000/art-1/lit-b", "decreto-1-2000/art-1", 1, "literal", 0),
        ("decreto-1-2000/art-1/lit-c", "decreto-1-2000/art-1", 2, "literal", 0),
        ("decreto-1-2000/art-2", "decreto-1-2000", 1, "article", 2),
        ("decreto-1-2000/art-2/lit-a", "decreto-1-2000/art-2", 0, "literal", 0),
        ("decreto-1-2000/art-2/lit-b", "decreto-1-2000/art-2", 1, "literal", 0),
        ("decreto-2-2003", "funciones", 1, "norm", 2),
        ("decreto-2-2003/art-1", "decreto-2-2003", 0, "article", 0),
        ("decreto-2-2003/art-2", "decreto-2-2003", 1, "article", 0),
        ("decreto-3-2005", "funciones", 2, "norm", 1),
        ("decreto-3-2005/art-1", "decreto-3-2005", 0, "article", 0),
        ("decreto-4-2006", "funciones", 3, "norm", 2),
        ("decreto-4-2006/art-1", "decreto-4-2006", 0, "article", 0),
        ("decreto-4-2006/art-2", "decreto-4-2006", 1, "article", 0),
        ("funciones", "informacion-general", 1, "section", 4),
        ("resolucion-5-2008", "resoluciones", 0, "norm", 2),
        ("resolucion-5-2008/art-1", "resolucion-5-2008", 0, "article", 0),
        ("resolucion-5-2008/art-transitorio", "resolucion-5-2008", 1, "article", 1),
        ("resolucion-5-2008/art-transitorio/lit-a", "resolucion-5-2008/art-transitorio", 0, "literal", 0),
        ("resoluciones", "informacion-general", 2, "section", 1),
    ]  # fmt: skip
    assert {n.id: n.norm for n in corpus.nodes if n.norm != n.id.split("/")[0]} == {
        "informacion-general": None, "mision": None, "funciones": None, "resoluciones": None,
    }  # fmt: skip


def test_titles_citations_and_labels(tmp_path: Path) -> None:
    corpus = load_corpus(_sources(tmp_path))
    shown = {n.id: (n.title, n.citation, n.label) for n in corpus.nodes}
    section = "Secretaría General de la Alcaldía Mayor de Bogotá D.C., Información General"
    assert shown["informacion-general"] == ("Información General", section, "")
    assert shown["resoluciones"] == ("Resoluciones", f"{section}, Resoluciones", "")
    assert shown["decreto-1-2000"] == ("Decreto 001 de 2000", "Decreto 001 de 2000", "")
    assert shown["decreto-1-2000/art-1"] == ("Artículo 1", "Decreto 001 de 2000, art. 1", "ARTÍCULO 1°.")
    assert shown["decreto-1-2000/art-1/lit-c"] == ("Literal c", "Decreto 001 de 2000, art. 1, lit. c", "c.")
    assert shown["resolucion-5-2008/art-1"] == ("Artículo 1. Adición", "Resolución 5 de 2008, art. 1", "")
    assert shown["resolucion-5-2008/art-transitorio/lit-a"] == (
        "Literal a", "Resolución 5 de 2008, art. sin número registrado, lit. a", "a."
    )  # fmt: skip
    assert shown["resolucion-5-2008/art-transitorio"] == (
        "Artículo (número no registrado)", "Resolución 5 de 2008, art. sin número registrado", ""
    )  # fmt: skip


def test_bodies(tmp_path: Path) -> None:
    corpus = load_corpus(_sources(tmp_path))
    body = {n.id: n.body for n in corpus.nodes}
    para = BlockKind.PARAGRAPH
    assert body["resoluciones"] == (
        Block(para, ("Antes de la lista.",)),
        Block(BlockKind.NUMBERED, ("Uno.", "Dos.")),
        Block(BlockKind.LINK, ("Ver resolución 5 de 2008",), "resolucion-5-2008"),
        Block(para, ('"Adiciona un literal citándolo."',)),
        Block(para, ("Primera línea del resumen.",)),
        Block(para, ("Segunda línea.",)),
    )
    assert body["resolucion-5-2008"] == (Block(para, ("Primera línea del resumen.",)),
                                         Block(para, ("Segunda línea.",)))  # fmt: skip
    assert body["resolucion-5-2008/art-1"] == (
        Block(para, ("Adiciona el literal c:",)),
        Block(BlockKind.QUOTE, ("c. Literal c de prueba, adicionado después.", "Fin de la cita.")),
    )
    assert body["decreto-1-2000/art-1/lit-a"] == (Block(para, ("Literal a de prueba.",)),)
    assert body["decreto-1-2000"] == ()
    assert body["informacion-general"] == ()


def test_a_list_is_bulleted_unless_numbered(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, "paragraphs = ['Texto de prueba de la misión.']", "items = ['Uno.']")
    _edit(folder, GENERAL, 'list = "numbered"', 'list = "bulleted"')
    corpus = load_corpus(folder)
    body = {n.id: n.body for n in corpus.nodes}
    assert body["mision"] == (Block(BlockKind.BULLETED, ("Uno.",)),)
    assert body["resoluciones"][1] == Block(BlockKind.BULLETED, ("Uno.", "Dos."))


def test_norms_events_offices_and_later_changes(tmp_path: Path) -> None:
    corpus = load_corpus(_sources(tmp_path))
    (norm,) = [n for n in corpus.norms if n.id == "resolucion-5-2008"]
    assert (norm.type, norm.number, norm.year, norm.issuer, norm.issued, norm.in_force) == (
        "resolución", "5", 2008, "Secretaría de Prueba", PartialDate(2008, 9, 1), None
    )  # fmt: skip
    assert [n.in_force for n in corpus.norms if n.id == "decreto-4-2006"] == [PartialDate(2006, 5, 12)]
    # In date order (a month after the day it contains), then by norm, then as written.
    shown = [(e.id, e.kind, e.date.iso(), e.article, [c.target for c in e.changes]) for e in corpus.events]
    assert shown[-5:] == [
        ("decreto-4-2006#1", EventKind.CREATION, "2006-05-10", "decreto-4-2006/art-1",
         ["dependencia/oficina-b"]),
        ("decreto-4-2006#2", EventKind.RENAMING, "2006-05-10", "decreto-4-2006/art-2",
         ["dependencia/oficina-a"]),
        ("resolucion-5-2008#0", EventKind.ISSUANCE, "2008-09-01", None, ["resolucion-5-2008"]),
        ("resolucion-5-2008#2", EventKind.MODIFICATION, "2008-09-01", None, ["decreto-1-2000/art-2"]),
        ("resolucion-5-2008#1", EventKind.INSERTION, "2008-10", "resolucion-5-2008/art-1",
         ["decreto-1-2000/art-1/lit-c"]),
    ]  # fmt: skip
    renaming = next(e for e in corpus.events if e.id == "decreto-4-2006#2").changes[0]
    assert (renaming.old_name, renaming.new_name) == ("Oficina A de Prueba", "Oficina A Renombrada")
    assert [(o.id, o.name, o.parent, o.created_by) for o in corpus.offices] == [
        ("dependencia/despacho", "Despacho de Prueba", None, None),
        ("dependencia/oficina-a", "Oficina A de Prueba", "dependencia/despacho", None),
        ("dependencia/oficina-b", "Oficina B de Prueba", "dependencia/despacho", "decreto-4-2006"),
    ]
    first, second = corpus.later_changes
    assert (first.id, first.issued, first.in_force, first.publication, first.affects) == (
        "decreto-8-2010", PartialDate(2010, 2, 3), PartialDate(2010, 2, 5), "Registro de Prueba 1",
        "Modifica el artículo 1 del Decreto 1 de 2000.",
    )  # fmt: skip
    assert (second.id, second.in_force, second.publication, second.targets) == (
        "acuerdo-9-2011", None, None, ("mision",)
    )  # fmt: skip
    assert corpus.edition == 2
    assert corpus.synonyms.entries == ()
    assert corpus.content_version == content_version(tmp_path / "sources")


def test_ten_events_of_one_norm_on_one_day_keep_their_order(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    event = '\n[[events]]\nkind = "modification"\n[[events.changes]]\ntarget = "mision"\n'
    (folder / N3).write_text((folder / N3).read_text(encoding="utf-8") + event * 10, encoding="utf-8")
    corpus = load_corpus(folder)
    ids = [e.id for e in corpus.events if e.norm == "decreto-3-2005"]
    assert ids == [f"decreto-3-2005#{n}" for n in range(12)]


def test_the_index_root_takes_the_id_written(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, 'id = "informacion-general"', 'id = "inicio"')
    corpus = load_corpus(folder)
    assert [(n.id, n.parent) for n in corpus.nodes if n.kind is NodeKind.SECTION] == [
        ("inicio", None), ("mision", "inicio"), ("funciones", "inicio"), ("resoluciones", "inicio")
    ]  # fmt: skip


def test_an_edition_left_out_is_the_first(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, "edition = 2\n", "")
    assert load_corpus(folder).edition == 1
    _edit(folder, GENERAL, "title = ", "edition = 1\ntitle = ")
    assert load_corpus(folder).edition == 1


def test_a_synonyms_file_is_read(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    (folder / "sinonimos.toml").write_text('[[synonyms]]\nforms = ["Secretaría General", "SG"]\n', "utf-8")
    assert [e.forms for e in load_corpus(folder).synonyms.entries] == [("Secretaría General", "SG")]


def test_an_office_created_by_its_norm_with_other_changes_in_the_same_event(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, N4, 'target = "dependencia/oficina-b"',
          'target = "dependencia/despacho"\n[[events.changes]]\n'
          'target = "dependencia/oficina-b"')  # fmt: skip
    corpus = load_corpus(folder)
    assert [c.target for c in next(e for e in corpus.events if e.id == "decreto-4-2006#1").changes] == [
        "dependencia/despacho", "dependencia/oficina-b"
    ]  # fmt: skip


def test_an_insertion_without_a_quote_or_of_an_office_is_not_compared(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(
        folder,
        "normas/resolucion-5-2008.toml",
        "quote = ['c. Literal c de prueba, adicionado después.', 'Fin de la cita.']\n",
        "",
    )
    _edit(folder, N4, 'kind = "creation"', 'kind = "insertion"')
    # the office's article quotes something: an office has no text to compare with it
    quoted = "text = ['Crea:']\nquote = ['Oficina B de Prueba.']"
    _edit(folder, N4, "text = ['Crea la Oficina B de Prueba.']", quoted)
    _edit(folder, N5F, 'kind = "modification"', 'kind = "insertion"')  # and no article
    _edit(folder, GENERAL, 'created_by = "decreto-4-2006"\n', "")
    load_corpus(folder)


# -- describing a change's target, and the content version ----------------------------------------


def test_a_target_inside_a_sentence(tmp_path: Path) -> None:
    describe = describe_target(load_corpus(_sources(tmp_path)))
    assert describe("dependencia/oficina-b") == "la Oficina B de Prueba"
    assert describe("decreto-1-2000") == "el Decreto 001 de 2000"
    assert describe("resolucion-5-2008") == "la Resolución 5 de 2008"
    assert describe("decreto-1-2000/art-1") == "el artículo 1 del Decreto 001 de 2000"
    assert describe("decreto-1-2000/art-1/lit-c") == "el literal c del artículo 1 del Decreto 001 de 2000"


def test_the_content_version_is_a_hash_of_every_file_and_its_name(tmp_path: Path) -> None:
    folder = tmp_path / "fuentes"
    (folder / "normas").mkdir(parents=True)
    (folder / GENERAL).write_bytes(b"a")
    (folder / "normas" / "b.toml").write_bytes(b"bc")
    (folder / "notas.txt").write_bytes(b"no cuenta")
    expected = hashlib.sha256(b"informacion-general.toml\0a\0normas/b.toml\0bc\0").hexdigest()[:12]
    assert content_version(folder) == expected
    assert len(expected) == 12


def test_the_event_order_key() -> None:
    event = Event("decreto-1-2000#12", "decreto-1-2000", EventKind.REPEAL, PartialDate(2000, 3), None,
                  (Change("x"),))  # fmt: skip
    assert event_sort_key(event) == (*PartialDate(2000, 3).key, "decreto-1-2000", 12)


def test_a_later_change_cited_with_a_slash_is_read_and_checked(tmp_path: Path) -> None:
    # «Acuerdo 9/2011» is a citation (the same one as «Acuerdo 9 de 2011»); its year was read as
    # the text after the last space, «9/2011», and the build stopped with «error inesperado».
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, 'norm = "Acuerdo 9 de 2011"', 'norm = "Acuerdo 9/2011"')
    (_, change) = load_corpus(folder).later_changes
    assert (change.id, change.norm, change.issued) == ("acuerdo-9-2011", "Acuerdo 9/2011", PartialDate(2011))
    _edit(folder, GENERAL, 'issued = "2011"', 'issued = "2012"')
    assert _problems(folder) == [
        G + "cambio posterior 2: la fecha de expedición 2012 no es del año de «Acuerdo 9/2011»"
    ]


def test_a_later_change_in_force_the_day_it_is_issued(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    _edit(folder, GENERAL, 'in_force = "2010-02-05"', 'in_force = "2010-02-03"')
    (change, _) = load_corpus(folder).later_changes
    assert (change.issued, change.in_force) == (PartialDate(2010, 2, 3), PartialDate(2010, 2, 3))


def test_an_inserted_unit_of_two_paragraphs_quoted_line_by_line_matches(tmp_path: Path) -> None:
    # Each quoted line is a paragraph; the unit's text is its paragraphs one per line: the
    # validator compared them with different separators and refused a faithful quote.
    folder = _sources(tmp_path)
    _edit(
        folder, N1, "text = ['Segundo artículo de prueba:']", "text = ['Segundo artículo:', 'Otro párrafo.']"
    )
    _edit(folder, N5F, 'target = "decreto-1-2000/art-1/lit-c"', 'target = "decreto-1-2000/art-2"')
    quote = "quote = ['c. Literal c de prueba, adicionado después.', 'Fin de la cita.']"
    _edit(folder, N5F, quote, "quote = ['ARTÍCULO 2°. Segundo artículo:', 'Otro párrafo.']")
    load_corpus(folder)
    _edit(folder, N5F, "'Otro párrafo.']", "'Otro párrafo distinto.']")
    assert _problems(folder) == [
        "resolucion-5-2008.toml › evento 1: el texto de «decreto-1-2000/art-2» no coincide con el que cita "
        "resolucion-5-2008/art-1"
    ]


def test_a_quote_that_breaks_a_paragraph_across_lines_still_matches(tmp_path: Path) -> None:
    folder = _sources(tmp_path)
    quote = "quote = ['c. Literal c de prueba, adicionado después.', 'Fin de la cita.']"
    _edit(folder, N5F, quote, "quote = ['c. Literal c de prueba,', 'adicionado después.']")
    load_corpus(folder)
