"""A tiny corpus written by the tests, with what the real one lacks: repeals (of an article with
its literals, of a whole norm) known to the month and to the year, and a literal added to the
month; with ``offices=True`` (a second edition), offices (one created, one renamed) and later
changes the corpus does not incorporate. The texts are placeholders, never legal text."""

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


# With ``offices=True``: two offices (one created, one renamed by Decreto 4 de 2006) and two
# later changes the corpus does not incorporate (one known to the day, one to the year).
OFFICES = """
[[offices]]
id = "dependencia/oficina-a"
name = "Oficina A de Prueba"
parent = "dependencia/despacho"

[[offices]]
id = "dependencia/oficina-b"
name = "Oficina B de Prueba"
parent = "dependencia/despacho"
created_by = "decreto-4-2006"

[[later_changes]]
norm = "Decreto 8 de 2010"
issued = "2010-02-03"
in_force = "2010-02-05"
publication = "Registro de Prueba 1"
affects = "Modifica el artículo 1 del Decreto 1 de 2000."
targets = ["decreto-1-2000/art-1", "estructura"]

[[later_changes]]
norm = "Acuerdo 9 de 2011"
issued = "2011"
affects = "Cambio de prueba conocido por el año."
targets = ["mision"]
"""

OFFICE_NORM = """
id = "decreto-4-2006"
type = "decreto"
number = "4"
year = 2006
issuer = "Alcalde Mayor de Bogotá"
issued = "2006-05-10"
in_force = "2006-05-12"
epigrafe = '"Crea una oficina y cambia el nombre de otra."'

[[articles]]
id = "art-1"
number = "1"
label = "ARTÍCULO 1°."
text = ['Crea la Oficina B de Prueba.']

[[articles]]
id = "art-2"
number = "2"
label = "ARTÍCULO 2°."
text = ['Cambia el nombre de la Oficina A de Prueba.']

[[events]]
kind = "creation"
article = "art-1"
[[events.changes]]
target = "dependencia/oficina-b"

[[events]]
kind = "renaming"
article = "art-2"
[[events.changes]]
target = "dependencia/oficina-a"
old_name = "Oficina A de Prueba"
new_name = "Oficina A Renombrada"
"""


def write_sources(folder: Path, offices: bool = False) -> Path:
    (folder / "normas").mkdir(parents=True)
    index = INDEX
    norms = dict(NORMS)
    if offices:
        index = index.replace('"decreto-3-2005"]', '"decreto-3-2005", "decreto-4-2006"]') + OFFICES
        index = index.replace("edition = 1", "edition = 2")  # a second edition of the content
        norms["decreto-4-2006"] = OFFICE_NORM
    (folder / "informacion-general.toml").write_text(index, encoding="utf-8")
    for norm_id, text in norms.items():
        (folder / "normas" / f"{norm_id}.toml").write_text(text, encoding="utf-8")
    return folder


def build(folder: Path, offices: bool = False) -> Path:
    """Sources and database in ``folder``; returns the database."""
    database = folder / "sintetico.db"
    build_database(write_sources(folder / "sources", offices), database)
    return database
