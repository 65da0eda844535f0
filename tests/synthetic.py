"""A tiny corpus written by the tests, with what the real one lacks: repeals (of an article with
its literals, of a whole norm) known to the month and to the year, and a literal added to the
month. The texts are placeholders, never legal text."""

from __future__ import annotations

from pathlib import Path

from sgdesk.store.build import build_database

INDEX = """
id = "informacion-general"
title = 'Información General'
edition = 1

[[sections]]
id = "mision"
title = 'Misión'
paragraphs = ['Texto de prueba de la misión.']

[[sections]]
id = "funciones"
title = 'Funciones'
norms = ["decreto-1-2000", "decreto-2-2003", "decreto-3-2005"]

[[offices]]
id = "dependencia/despacho"
name = "Despacho de Prueba"
"""

NORMS = {
    "decreto-1-2000": """
id = "decreto-1-2000"
type = "decreto"
number = "001"
year = 2000
issuer = "Alcalde Mayor de Bogotá"
issued = "2000-03-15"
epigrafe = '"Norma de prueba."'

[[articles]]
id = "art-1"
number = "1"
label = "ARTÍCULO 1°."
text = ['Primer artículo de prueba:']
[[articles.literals]]
letter = "a"
text = 'Literal a de prueba.'
[[articles.literals]]
letter = "b"
text = 'Literal b de prueba.'
[[articles.literals]]
letter = "c"
text = 'Literal c de prueba, adicionado después.'

[[articles]]
id = "art-2"
number = "2"
label = "ARTÍCULO 2°."
text = ['Segundo artículo de prueba:']
[[articles.literals]]
letter = "a"
text = 'Literal a del segundo artículo.'
[[articles.literals]]
letter = "b"
text = 'Literal b del segundo artículo.'
""",
    "decreto-2-2003": """
id = "decreto-2-2003"
type = "decreto"
number = "2"
year = 2003
issuer = "Alcalde Mayor de Bogotá"
issued = "2003-07"
epigrafe = '"Deroga un artículo y adiciona un literal, en un mes sin día registrado."'

[[articles]]
id = "art-1"
number = "1"
label = "ARTÍCULO 1°."
text = ['Deroga el artículo 2 del Decreto 1 de 2000.']

[[articles]]
id = "art-2"
number = "2"
label = "ARTÍCULO 2°."
text = ['Adiciona el literal c al artículo 1 del Decreto 1 de 2000.']

[[events]]
kind = "repeal"
article = "art-1"
[[events.changes]]
target = "decreto-1-2000/art-2"

[[events]]
kind = "insertion"
article = "art-2"
[[events.changes]]
target = "decreto-1-2000/art-1/lit-c"
""",
    "decreto-3-2005": """
id = "decreto-3-2005"
type = "decreto"
number = "3"
year = 2005
issuer = "Alcalde Mayor de Bogotá"
issued = "2005"
epigrafe = '"Deroga una norma entera, en un año sin mes ni día registrados."'

[[articles]]
id = "art-1"
number = "1"
label = "ARTÍCULO 1°."
text = ['Deroga el Decreto 1 de 2000.']

[[events]]
kind = "repeal"
article = "art-1"
[[events.changes]]
target = "decreto-1-2000"
""",
}


def write_sources(folder: Path) -> Path:
    (folder / "normas").mkdir(parents=True)
    (folder / "informacion-general.toml").write_text(INDEX, encoding="utf-8")
    for norm_id, text in NORMS.items():
        (folder / "normas" / f"{norm_id}.toml").write_text(text, encoding="utf-8")
    return folder


def build(folder: Path) -> Path:
    """Sources and database in ``folder``; returns the database."""
    database = folder / "sintetico.db"
    build_database(write_sources(folder / "sources"), database)
    return database
