"""Reading the corpus: ``tree``, ``show``, ``search``, ``timeline`` and ``diff``."""

from __future__ import annotations

import argparse
import sys
from datetime import date

from sgdesk.cli.common import EXIT_OK, Subcommands, open_library, print_json
from sgdesk.cli.spanish import day, positive, takes_query
from sgdesk.content.model import Node
from sgdesk.library import MAX_COMPLETIONS, Library, Page, SearchResults, Unit


def register(commands: Subcommands) -> None:
    tree = commands.add_parser("tree", help="mostrar el árbol de navegación")
    tree.add_argument("--json", action="store_true", help="salida en JSON")
    tree.set_defaults(handler=_tree)

    show = commands.add_parser("show", help="mostrar una sección o disposición")
    show.add_argument("id", metavar="ID", help="por ejemplo decreto-267-2007/art-7/lit-n")
    show.add_argument("--json", action="store_true", help="salida en JSON")
    show.add_argument("--as-of", type=day, metavar="AAAA-MM-DD", help="vigencia en esa fecha")
    show.set_defaults(handler=_show)

    timeline = commands.add_parser("timeline", help="los eventos de modificación, en orden")
    timeline.add_argument("--json", action="store_true", help="salida en JSON")
    timeline.set_defaults(handler=_timeline)

    diff = commands.add_parser("diff", help="qué cambió entre dos fechas")
    diff.add_argument("first", type=day, metavar="FECHA_A")
    diff.add_argument("second", type=day, metavar="FECHA_B")
    diff.add_argument("--json", action="store_true", help="salida en JSON")
    diff.set_defaults(handler=_diff)

    search = commands.add_parser("search", help="buscar en todo el corpus (sin importar tildes)")
    search.add_argument("query", metavar="CONSULTA", help='palabras, "frases", o, -excluir, prefijo*')
    search.add_argument("--limit", type=positive, default=20, metavar="N", help="máximo de resultados")
    search.add_argument("--json", action="store_true", help="salida en JSON")
    search.add_argument(
        "--prefix-last", action="store_true",
        help="la última palabra también como prefijo, como el panel mientras se escribe",
    )  # fmt: skip
    search.add_argument(
        "--exact", action="store_true",
        help="sin corregir: no mostrar los resultados de «¿Quiso decir…?» en su lugar",
    )  # fmt: skip
    search.set_defaults(handler=_search)
    takes_query(search)  # «sgdesk search -gestión» excludes a word, it is no unknown option


def _tree(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        nodes = library.all_nodes()
    ordered = _depth_first(nodes)
    if args.json:  # in the tree's order too, then any node no root leads to (a damaged tree)
        reached = {node.id for node, _ in ordered}
        print_json([
            {"id": n.id, "title": n.title, "parent": n.parent, "kind": n.kind.value, "position": n.position}
            for n in [*(node for node, _ in ordered), *(n for n in nodes if n.id not in reached)]
        ])  # fmt: skip
        return EXIT_OK
    for node, depth in ordered:
        print(f"{'  ' * depth}{node.title}  [{node.id}]")
    return EXIT_OK


def _depth_first(nodes: list[Node]) -> list[tuple[Node, int]]:
    """The nodes as the index shows them: each parent before its children, siblings by
    position, with their depth (without recursion; a node no root leads to is left out)."""
    children: dict[str | None, list[Node]] = {}
    for node in sorted(nodes, key=lambda n: n.position):
        children.setdefault(node.parent, []).append(node)
    ordered: list[tuple[Node, int]] = []
    pending = [(node, 0) for node in reversed(children.get(None, []))]
    seen: set[str] = set()
    while pending:
        node, depth = pending.pop()
        if node.id in seen:
            continue
        seen.add(node.id)
        ordered.append((node, depth))
        pending += [(child, depth + 1) for child in reversed(children.get(node.id, []))]
    return ordered


def _show(args: argparse.Namespace) -> int:
    from sgdesk.export.plaintext import render_body, render_text

    with open_library(args) as library:
        page = library.page(args.id, args.as_of)
    if not args.json:
        print(render_text(page), end="")
        return EXIT_OK
    print_json(_page_json(page, render_body(page)))
    return EXIT_OK


def _search(args: argparse.Namespace) -> int:
    from sgdesk.content.highlight import marked_text

    with open_library(args) as library:
        results = library.search(args.query, limit=args.limit, prefix_last=args.prefix_last, exact=args.exact)
    rows = [
        {"id": hit.node.id, "title": hit.node.title, "path": " › ".join(hit.path),
         "snippet": marked_text(hit.snippet), "score": round(hit.score, 4)}
        for hit in results.hits
    ]  # fmt: skip
    if args.json:
        print_json(search_json(results, rows))
        return EXIT_OK
    more = "más de " if results.total_capped else ""
    if results.corrected_from is not None:
        print(f"Sin resultados para «{results.corrected_from}»; se muestran los de «{results.suggestion}» "
              "(--exact busca exactamente lo escrito)")  # fmt: skip
    print(f"{more}{results.total} resultado(s) para «{results.query.text}»")
    if results.suggestion is not None and results.corrected_from is None:
        print(f"  ¿Quiso decir: {results.suggestion}?")
    for use in results.query.synonyms:
        forms = " o ".join(f"«{form}»" for form in use.also)
        print(f"  También se buscó {forms} (sinónimo de «{use.typed}»)")
    if results.bounded:
        print(f"  Prefijo corto: solo las {MAX_COMPLETIONS} palabras más frecuentes que empiezan por "
              + ", ".join(f"«{p}»" for p in results.bounded))  # fmt: skip
    if results.sampled:
        print("  (demasiadas coincidencias: ordenadas por relevancia entre las primeras 20 000)")
    for number, row in enumerate(rows, 1):
        print(f"{number}. {row['title']}  [{row['id']}]")
        print(f"   {row['path']}")
        if row["snippet"]:
            print(f"   {row['snippet']}")
    return EXIT_OK


def search_json(results: SearchResults, hits: list[dict[str, object]]) -> dict[str, object]:
    """``sgdesk search --json`` (the structure README documents): what was searched, the count,
    «¿Quiso decir…?», the automatic correction, the synonyms used and the hits."""
    return {
        "query": results.query.text,  # what was searched: the correction when it ran instead
        "total": results.total,
        "total_capped": results.total_capped,  # the count stopped at "total": more matched
        "suggestion": results.suggestion,  # «¿Quiso decir…?», or null
        "corrected_from": results.corrected_from,  # the text typed, when its correction ran instead
        "synonyms": [{"typed": use.typed, "also": list(use.also)} for use in results.query.synonyms],
        "bounded_prefixes": list(results.bounded),  # prefixes searched as their most frequent words
        "sampled": results.sampled,  # ranked among the first 20 000 matches only
        "hits": hits,
    }


def _timeline(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        events = library.timeline().events
    if args.json:
        print_json([
            {"id": e.id, "date": e.date.iso(), "date_precision": e.date.precision.value, "norm": e.norm,
             "kind": e.kind.value, "targets": list(e.targets), "summary": e.summary}
            for e in events
        ])  # fmt: skip
        return EXIT_OK
    for event in events:
        print(f"{event.date.format_compact():>24}  {event.norm_title}: {event.summary}")
    return EXIT_OK


def _diff(args: argparse.Namespace) -> int:
    from sgdesk.export.common import change_line, change_text, later_item

    first: date = args.first
    second: date = args.second
    if second < first:  # compared in order, and said so (the output reads "del A al B")
        print(
            f"sgdesk: aviso: FECHA_B ({second.isoformat()}) es anterior a FECHA_A ({first.isoformat()}): "
            f"se comparan en orden, del {second.isoformat()} al {first.isoformat()}.",
            file=sys.stderr,
        )
        first, second = second, first
    with open_library(args) as library:
        timeline = library.timeline()
        records = timeline.changes_between(first, second)
        later = timeline.later_between(first, second)
        currency = library.currency()
        offices = {office.id: office.name for office in timeline.offices}
        names = {r.target: offices.get(r.target) or _citation(library, r.target) for r in records}
    if args.json:
        from sgdesk.cli.currency import later_change_json

        print_json({
            "from": min(first, second).isoformat(), "to": max(first, second).isoformat(),
            "horizon": currency.horizon.iso() if currency.horizon else None,
            "after_horizon": currency.is_after(max(first, second)),
            "changes": [
                {"event": r.event.id, "norm": r.event.norm, "norm_title": r.event.norm_title,
                 "kind": r.event.kind.value, "date": r.event.date.iso(),
                 "date_precision": r.event.date.precision.value, "target": r.target,
                 "target_name": names[r.target], "old": r.old, "new": r.new, "certain": r.certain,
                 "summary": change_text(r), "line": change_line(r)}
                for r in records
            ],
            "later_changes": [later_change_json(change, certain) for change, certain in later],
        })  # fmt: skip
        return EXIT_OK
    print(f"{len(records)} cambio(s) entre el {first.isoformat()} y el {second.isoformat()}")
    for record in records:
        print(f"- {change_line(record)}")
    if later:
        print("Cambios posteriores conocidos que este contenido no incorpora (no están en el texto):")
        for change, certain in later:
            print(f"- {later_item(change, certain)}")
    if currency.is_after(max(first, second)):
        print(f"(El contenido incorpora los cambios registrados hasta {currency.as_of_text}.)")
    return EXIT_OK


def _citation(library: Library, target: str) -> str | None:
    node = library.find(target)
    return node.citation if node is not None else None


def _page_json(page: Page, text: str) -> dict[str, object]:
    from sgdesk.cli.currency import later_change_json
    from sgdesk.export.common import page_banner, status_note

    node = page.node
    day = page.as_of or page.seen_on

    def state(unit: Unit) -> dict[str, object]:
        """The status on the page's day, the later changes behind it and the reason in Spanish."""
        return {"status": unit.status.value, "by": [c.id for c in unit.by], "reason": status_note(unit, day)}

    banner = page_banner(page)
    data: dict[str, object] = {
        "id": node.id, "title": node.title, "kind": node.kind.value, "parent": node.parent,
        "path": [n.title for n in page.breadcrumb], "text": text, "citation": node.citation,
        "notes": [note for unit in page.units for note in unit.notes if unit.node is node],
        "children": [{"id": c.id, "title": c.title} for c in page.children]
                    or [{"id": u.node.id, "title": u.node.title, **state(u)}
                        for u in page.units if u.depth == 1],
        "day": day.isoformat() if day else None,
        **state(page.units[0]),
        "horizon": page.currency.horizon.iso() if page.currency and page.currency.horizon else None,
        "after_horizon": page.after_horizon,
        "caveat": banner.statement if banner else None,
        "later_changes": [later_change_json(c, certain) for c, certain in banner.changes] if banner else [],
    }  # fmt: skip
    if page.as_of is not None:
        data["as_of"] = page.as_of.isoformat()
    if page.norm is not None:
        norm = page.norm
        data["norm"] = norm.id
        data.update(
            type=norm.type,
            number=norm.number,
            year=norm.year,
            issuer=norm.issuer,
            date=norm.issued.iso(),
            date_precision=norm.issued.precision.value,
            epigrafe=norm.epigrafe,
        )
    return data
