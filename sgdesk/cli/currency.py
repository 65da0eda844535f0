"""``sgdesk currency``: up to when the corpus is current, and the later changes it lacks."""

from __future__ import annotations

import argparse
from datetime import date

from sgdesk.cli.common import EXIT_OK, Subcommands, open_library, print_json
from sgdesk.cli.spanish import day
from sgdesk.content.currency import Currency
from sgdesk.content.model import LaterChange
from sgdesk.export.common import currency_statement, date_line, horizon_banner, later_change_line


def register(commands: Subcommands) -> None:
    currency = commands.add_parser(
        "currency", help="hasta cuándo está actualizado el contenido y qué cambios posteriores conoce"
    )
    currency.add_argument(
        "--as-of", type=day, metavar="AAAA-MM-DD", help="la fecha que se consulta (por defecto, hoy)"
    )
    currency.add_argument("--json", action="store_true", help="salida en JSON")
    currency.set_defaults(handler=_currency)


def later_change_json(change: LaterChange, certain: bool | None = None) -> dict[str, object]:
    """A later change not incorporated, as every JSON output gives it."""
    data: dict[str, object] = {
        "id": change.id, "norm": change.norm, "affects": change.affects, "targets": list(change.targets),
        "date": change.date.iso(), "date_precision": change.date.precision.value,
        "issued": change.issued.iso(),
        "in_force": change.in_force.iso() if change.in_force else None,
        "publication": change.publication, "summary": later_change_line(change),
    }  # fmt: skip
    if certain is not None:
        data["certain"] = certain  # False: its date is known only to the year (or month)
    return data


def _currency(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        currency = library.currency()
        content_version = library.info.content_version
    when: date = args.as_of or date.today()
    if args.json:
        print_json(currency_json(currency, content_version, when))
        return EXIT_OK
    print(f"{currency.label} (versión de contenido {content_version})")
    print(currency_statement(currency))
    for change in currency.later:
        print(f"- {later_change_line(change)} [afecta: {', '.join(change.targets)}]")
    banner = horizon_banner(currency, when)
    print()
    if banner is None:
        print(f"{date_line(when, currency)}.")
        return EXIT_OK
    from sgdesk.export.plaintext import banner_lines

    print("\n".join(banner_lines(banner)))
    return EXIT_OK


def currency_json(currency: Currency, content_version: str, when: date) -> dict[str, object]:
    known = {change.id: certain for change, certain in currency.known_by(when)}
    return {
        "horizon": currency.horizon.iso() if currency.horizon else None,
        "horizon_precision": currency.horizon.precision.value if currency.horizon else None,
        "horizon_text": currency.as_of_text,
        "edition": currency.edition,
        "label": currency.label,
        "content_version": content_version,
        "date": when.isoformat(),
        "after_horizon": currency.is_after(when),
        "statement": date_line(when, currency),
        "later_changes": [
            {**later_change_json(change), "known_by_date": change.id in known,
             "certain_by_date": known.get(change.id, False)}
            for change in currency.later
        ],
    }  # fmt: skip
