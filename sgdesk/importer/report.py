"""What the importer recognised, in Spanish, for the terminal and the preview dialog."""

from __future__ import annotations

from sgdesk.importer.model import ImportedNorm, Unit

NOT_RECORDED = "no registrada"


def outline(unit: Unit, depth: int = 0) -> list[str]:
    """One line per unit, indented: «Artículo 1°. Objeto», «  a) Primera función…»."""
    head = f"{unit.label} {unit.title}" if unit.title else unit.label
    if not unit.title and unit.text:
        head = f"{head} {unit.text[0]}"
    lines = ["  " * depth + _short(head)]
    if unit.quote:
        lines.append("  " * (depth + 1) + f"(cita de {len(unit.quote)} párrafo(s))")
    for child in unit.children:
        lines += outline(child, depth + 1)
    return lines


def _short(text: str, width: int = 100) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def summary_lines(norm: ImportedNorm) -> list[str]:
    issued = norm.issued.format_es() if norm.issued else NOT_RECORDED
    in_force = norm.in_force.format_es() if norm.in_force else NOT_RECORDED
    lines = [
        norm.title,
        f"  Expedida por: {norm.issuer or 'no reconocido'}",
        f"  Fecha de expedición: {issued}",
        f"  Entrada en vigencia: {in_force}",
        f"  Medio de publicación: {norm.publication or 'no registrado'}",
        f"  Epígrafe: {norm.epigrafe or 'no reconocido'}",
        f"  {len(norm.considerations)} considerando(s), {len(norm.divisions)} división(es) "
        f"(título, capítulo, sección), {len(norm.articles)} artículo(s)",
    ]
    if norm.notes:
        lines.append("Notas:")
        for note in norm.notes:
            cited = ", ".join(note.norms) or "sin norma citada"
            where = f" (bajo {note.under})" if note.under else ""
            lines.append(f"  - {note.text}{where} → {cited}")
    lines.append("Artículos:")
    for article in norm.articles:
        lines += ["  " + line for line in outline(article)]
    if norm.warnings:
        lines.append(f"Para revisar ({len(norm.warnings)}):")
        lines += [f"  ! {w.message}" for w in norm.warnings]
    else:
        lines.append("Nada que revisar: compare de todos modos con el documento.")
    return lines
