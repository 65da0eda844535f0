"""argparse in Spanish: its messages, usage and help headings, and one error format.

argparse looks its messages up through the module-level ``_``/``ngettext`` at the moment it
formats them, so ``spanish_messages()`` swaps those two names while a command line is parsed
or help is printed. The catalogue covers every message argparse 3.11-3.13 can show a user.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from typing import Any, NoReturn

EXIT_USAGE = 2

_MESSAGES = {
    "usage: ": "uso: ",
    "positional arguments": "argumentos",
    "options": "opciones",
    "show this help message and exit": "mostrar esta ayuda y salir",
    "%(prog)s: error: %(message)s\n": "%(prog)s: error: %(message)s\n",
    "argument %(argument_name)s: %(message)s": "argumento %(argument_name)s: %(message)s",
    "the following arguments are required: %s": "faltan estos argumentos: %s",
    "unrecognized arguments: %s": "argumentos no reconocidos: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "opción no válida: %(value)r (elija entre %(choices)s)"
    ),
    "invalid %(type)s value: %(value)r": "valor no válido para %(type)s: %(value)r",
    "expected one argument": "se esperaba un valor",
    "expected at least one argument": "se esperaba al menos un valor",
    "expected at most one argument": "se esperaba como máximo un valor",
    "ambiguous option: %(option)s could match %(matches)s": (
        "opción ambigua: %(option)s puede ser %(matches)s"
    ),
    "not allowed with argument %s": "no se permite junto con el argumento %s",
    "one of the arguments %s is required": "se necesita uno de los argumentos %s",
    "ignored explicit argument %r": "se ignoró el valor explícito %r",
    "unexpected option string: %s": "opción inesperada: %s",
    "can't open '%(filename)s': %(error)s": "no se puede abrir «%(filename)s»: %(error)s",
}
_PLURALS = {
    "expected %s argument": ("se esperaba %s valor", "se esperaban %s valores"),
}


def _translate(message: str) -> str:
    return _MESSAGES.get(message, message)


def _translate_plural(singular: str, plural: str, count: int) -> str:
    spanish = _PLURALS.get(singular)
    if spanish is None:
        return singular if count == 1 else plural
    return spanish[0] if count == 1 else spanish[1]


@contextmanager
def spanish_messages() -> Iterator[None]:
    """argparse speaks Spanish inside this block (parsing, usage, help, errors)."""
    saved = argparse._, argparse.ngettext  # type: ignore[attr-defined]
    argparse._, argparse.ngettext = _translate, _translate_plural  # type: ignore[attr-defined]
    try:
        yield
    finally:
        argparse._, argparse.ngettext = saved  # type: ignore[attr-defined]


class SpanishParser(argparse.ArgumentParser):
    """Usage errors end with one Spanish line («sgdesk: error: …») and exit code 2."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        kwargs.setdefault("add_help", False)
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.add_argument("-h", "--help", action="help", help="mostrar esta ayuda y salir")

    # A search query may start with «-» (exclude a word: «-gestión»): such a word is the query,
    # not an unknown option. Set on the parsers of commands that take a query.
    dash_words_are_text = False

    def error(self, message: str) -> NoReturn:
        program = self.prog.split()[0]  # "sgdesk", also for "sgdesk show"
        self.exit(EXIT_USAGE, f"{program}: error: {message}\n")

    def _parse_optional(self, arg_string: str) -> Any:  # argparse's hook: None means "not an option"
        if (
            self.dash_words_are_text
            and arg_string[:1] == "-"
            and arg_string[1:2].isalnum()
            and arg_string not in self._option_string_actions
        ):
            return None
        return super()._parse_optional(arg_string)


def takes_query(parser: argparse.ArgumentParser) -> None:
    """``parser``'s words starting with «-» are its query's (see SpanishParser)."""
    if isinstance(parser, SpanishParser):
        parser.dash_words_are_text = True


def day(text: str) -> date:
    """An ISO date argument (``AAAA-MM-DD``)."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"fecha no válida «{text[:40]}»: use AAAA-MM-DD") from None


def positive(text: str) -> int:
    """A count argument between 1 and 1000."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"debe ser un número entre 1 y 1000, no «{text[:40]}»")
    return value
