"""How the parts of a Colombian norm are written, as regular expressions.

Accents are optional everywhere (extracted text and old pages often lose them); case is
ignored except where it tells two things apart (literals are lower-case letters).
"""

from __future__ import annotations

import re

IGNORE = re.IGNORECASE

NORM_TYPE = r"acuerdo|decreto|resoluci[oó]n|circular|directiva|ley"

# «DECRETO 331 DE 2003.», «RESOLUCIÓN No. 630 DE 2024», «ACUERDO NÚMERO 257 DE 2006»
HEADING = re.compile(
    rf"^({NORM_TYPE})\s+(?:(?:distrital|n[uú]mero|n[oº°]\.?|no\.)\s*)*(\d{{1,5}})\s+de\s+(\d{{4}})\s*\.?$",
    IGNORE,
)
# SISJUR's display title: «Decreto 140 de 2021 Alcaldía Mayor de Bogotá, D.C.»
DISPLAY_TITLE = re.compile(rf"^({NORM_TYPE})\s+(\d{{1,5}})\s+de\s+(\d{{4}})\s+(\S.*)$", IGNORE)
DATE_LINE = re.compile(r"^\((.{3,60})\)\s*\.?$")

RECORD_LABELS = {
    "fecha de expedicion": "issued",
    "fecha de entrada en vigencia": "in_force",
    "medio de publicacion": "publication",
}
RECORD_LINE = re.compile(
    r"^(fecha\s+de\s+expedici[oó]n|fecha\s+de\s+entrada\s+en\s+vigencia|medio\s+de\s+publicaci[oó]n)"
    r"\s*:\s*(.*)$",
    IGNORE,
)
CHROME = re.compile(
    r"^(?:r[ée]gimen\s+legal\s+de\s+bogot[áa](?:\s+d\.?\s*c\.?)?\.?"
    r"|cargando\s+el\s+contenido\s+del\s+documento\.*"
    r"|por\s+favor\s+espere\.*"
    r"|(?:©|\(c\)|copyright).*"
    r"|.*todos\s+los\s+derechos\s+reservados.*"
    r"|la\s+secretar[íi]a\s+jur[íi]dica\s+distrital\s+aclara\s+que\s+la\s+informaci[óo]n\s+aqu[íi].*)$",
    IGNORE,
)

AUTHORITY = re.compile(
    r"^(?:EL|LA)\s+(?:ALCALDE(?:SA)?\s+MAYOR|CONCEJO|SECRETARI[OA]|DIRECTOR[A]?|GERENTE|PRESIDENTE|"
    r"CONGRESO|CONTRALOR[A]?|PERSONER[OA]|VEEDOR[A]?|JEFE)\b[^a-zñáéíóú]*$"
)
CONSIDERANDO = re.compile(r"^considerando(?:s)?\s*:?\s*$", IGNORE)
ENACTING = re.compile(r"^(?:decreta|acuerda|resuelve|ordena|dispone|decreto|resuelvo)\s*:?\s*$", IGNORE)
EPIGRAFE = re.compile(r"^[\"“«']?\s*por\s+(?:el|la|medio\s+de(?:l|\s+la)?)\s+(?:cual|que)\b", IGNORE)

ROMAN = r"[IVXLCDM]+"
ORDINAL_WORDS = {
    "primero": "1", "segundo": "2", "tercero": "3", "cuarto": "4", "quinto": "5",
    "sexto": "6", "septimo": "7", "séptimo": "7", "octavo": "8", "noveno": "9", "decimo": "10",
    "décimo": "10", "único": None, "unico": None, "transitorio": None,
}  # fmt: skip
DIVISION = re.compile(
    rf"^(t[íi]tulo|cap[íi]tulo|secci[óo]n|libro|parte)\s+({ROMAN}|\d+|[ÚU]NICO|PRIMERO|SEGUNDO|TERCERO|"
    r"CUARTO|QUINTO|SEXTO|S[ÉE]PTIMO|OCTAVO|NOVENO|D[ÉE]CIMO)\b\s*[.:\-–]*\s*(.*)$",
    IGNORE,
)
# «Artículo 1°. Objeto.», «ARTÍCULO 2º.-», «ART. 3.», «Artículo 7º.», «ARTÍCULO PRIMERO.», «Artículo 5 bis.»
ARTICLE = re.compile(
    r"^(art[íi]culo|art\.)\s*"
    r"(\d{1,4}(?:\s*[°ºo](?![a-z]))?(?:\s*-?\s*(?:bis|ter|[A-H])\b)?|"
    r"[ÚU]NICO|PRIMERO|SEGUNDO|TERCERO|CUARTO|QUINTO|SEXTO|S[ÉE]PTIMO|OCTAVO|NOVENO|D[ÉE]CIMO"
    r"|(?=[.:\-–]))"
    r"\s*[°º]?\s*([.:\-–]+|(?=\s)|$)\s*(.*)$",
    IGNORE,
)
PARAGRAFO = re.compile(
    r"^(par[áa]grafo)(?:\s+(\d{1,3}|[ÚU]NICO|PRIMERO|SEGUNDO|TERCERO|CUARTO|QUINTO|TRANSITORIO)"
    r"(?:\s*[°º])?)?(\s+transitorio)?\s*([.:\-–]+|$)\s*(.*)$",
    IGNORE,
)
LITERAL = re.compile(r"^([a-zñ])\s*([.)])\s+(\S.*)$")
NUMERAL = re.compile(r"^(\d{1,3}(?:\.\d{1,3}){0,4})\s*([.)]|\.-|\s-)\s+(\S.*)$")
CLOSING = re.compile(
    r"^(?:publ[íi]quese|comun[íi]quese|c[úu]mplase|notif[íi]quese|dado\s+en|dada\s+en|dado\s+a|expedido\s+en)\b",
    IGNORE,
)

STARTS_UNIT = re.compile(
    r"^(?:art[íi]culo\s|art\.\s*\d|par[áa]grafo\b|t[íi]tulo\s|cap[íi]tulo\s|secci[óo]n\s|"
    r"[a-zñ][.)]\s|\d{1,3}(?:\.\d{1,3})*[.)]\s|considerando|decreta|acuerda|resuelve)",
    IGNORE,
)

# Notes: «Derogado por el art. 29, Decreto Distrital 94 de 2006», «NOTA: Ver Decreto …».
NOTE = re.compile(
    r"^(?:nota\s*:\s*)?(?:ver\b|(?:derogad|modificad|adicionad|subrogad|sustituid|aclarad|reglamentad|"
    r"suspendid|corregid|compilad)[oa]s?\b)",
    IGNORE,
)
NOTE_KINDS = {
    "derogad": "repeal",
    "modificad": "modification",
    "aclarad": "modification",
    "corregid": "modification",
    "adicionad": "insertion",
    "subrogad": "replacement",
    "sustituid": "replacement",
}
# «Decreto Distrital 94 de 2006», «Decretos Distritales 203 y 214 de 2005», «Acuerdo 638 de 2016»
CITED_NORMS = re.compile(
    rf"\b({NORM_TYPE}|resoluciones|leyes)(?:e?s)?\s+(?:(?:distrital(?:es)?|nacional(?:es)?|"
    r"n[uú]mero|n[oº°]\.?|no\.)\s*)*"
    r"(\d{1,5}(?:\s*(?:,|y|e)\s*\d{1,5})*)\s+(?:de|del)\s+(\d{4})\b",
    IGNORE,
)
CITED_ARTICLE = re.compile(r"\bart(?:[íi]culo|\.)?\s*(\d{1,4})\s*[°º]?", IGNORE)
# «modificado por el artículo del Acuerdo 638 de 2016»: the number was lost in extraction.
ARTICLE_WITHOUT_NUMBER = re.compile(
    r"\b(?:el|del|al|los)\s+art(?:[íi]culo|\.)\s+(?:del?|de\s+la)\s+(?:" + NORM_TYPE + r")\b", IGNORE
)
