"""YAML and JSON scorecards: the full nested model, with errors mapped back to lines."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any, TypeVar, get_args

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError

from reviewtui.domain.checks import check_scorecard, suggest
from reviewtui.domain.model import Model
from reviewtui.domain.numbers import TOO_LONG
from reviewtui.domain.periods import without_period
from reviewtui.domain.presets import PRESET_SCHEMES
from reviewtui.domain.scorecard import Frequency, Kind, Scorecard, slugify
from reviewtui.domain.status import Basis, ForgivingEnum, Polarity, StatusScheme
from reviewtui.errors import InvalidInputError, Problem


def read_structured(path: Path) -> Scorecard:
    """Parse a YAML or JSON scorecard and validate it, reporting every problem with its line."""
    source = str(path)
    text, document = _load_document(path, "name, perspectives, ...")
    stem = without_period(path.stem)
    document.setdefault("id", slugify(stem))
    document.setdefault("name", stem.replace("_", " ").replace("-", " ").title())
    lines = _LineFinder(text)
    scorecard = _validated(Scorecard, document, source, lines)
    findings = check_scorecard(scorecard)
    if findings:
        raise InvalidInputError(
            [Problem(source, lines.locate(f.path), f.field, f.message) for f in findings]
        )
    return scorecard


class SchemeFile(Model):
    """A ``<name>.schemes.yaml`` file beside a CSV or XLSX scorecard."""

    model_config = ConfigDict(extra="forbid")

    default_scheme: str | None = None
    """The scheme measures use unless they name another (default: the first one below)."""
    status_schemes: dict[str, StatusScheme] = Field(min_length=1)


def read_scheme_file(path: Path) -> SchemeFile:
    """Read the status schemes a table scorecard's companion YAML file defines."""
    source = str(path)
    text, document = _load_document(path, "status_schemes")
    schemes = _validated(SchemeFile, document, source, _LineFinder(text))
    default = schemes.default_scheme
    if default and default not in schemes.status_schemes and default not in PRESET_SCHEMES:
        known = ", ".join(sorted({*schemes.status_schemes, *PRESET_SCHEMES}))
        line = _LineFinder(text).locate(("default_scheme",))
        raise InvalidInputError(
            [Problem(source, line, "default_scheme", f"unknown scheme {default!r}; known: {known}")]
        )
    return schemes


ModelT = TypeVar("ModelT", bound=BaseModel)


def _load_document(path: Path, expected: str) -> tuple[str, dict[str, Any]]:
    source = str(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InvalidInputError([Problem(source, "", "", "the file is not UTF-8 text")]) from None
    except OSError as error:
        raise InvalidInputError(
            [Problem(source, "", "", f"cannot read: {error.strerror}")]
        ) from None
    try:
        document = _parse(source, text, path.suffix.lower() == ".json")
    except RecursionError:
        raise InvalidInputError([Problem(source, "", "", NESTED_TOO_DEEP)]) from None
    except ValueError:  # an integer too long for Python to convert (over 4,300 digits)
        raise InvalidInputError(
            [Problem(source, "", "", f"a number has over 4,300 digits; {TOO_LONG}")]
        ) from None
    if not isinstance(document, dict):
        raise InvalidInputError(
            [Problem(source, "line 1", "", f"expected a mapping with {expected} at the top")]
        )
    return text, document


def _validated(
    model: type[ModelT], document: dict[str, Any], source: str, lines: _LineFinder
) -> ModelT:
    try:
        return model.model_validate(document)
    except RecursionError:
        raise InvalidInputError([Problem(source, "", "", NESTED_TOO_DEEP)]) from None
    except ValidationError as error:
        problems = [
            Problem(
                source,
                lines.locate(detail["loc"]),
                _field_name(detail["loc"]),
                _message(detail),
            )
            for detail in error.errors()
        ]
        raise InvalidInputError(problems) from None


NESTED_TOO_DEEP = (
    "nested too deeply to be a scorecard; expected perspectives > objectives > measures"
)


def _parse(source: str, text: str, is_json: bool) -> Any:
    if is_json:
        try:
            return json.loads(text)
        except json.JSONDecodeError as error:
            raise InvalidInputError(
                [
                    Problem(
                        source,
                        f"line {error.lineno}",
                        "",
                        f"invalid JSON: {error.msg} (column {error.colno})",
                    )
                ]
            ) from None
    try:
        return yaml.safe_load(text)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"line {mark.line + 1}" if mark is not None else ""
        problem = getattr(error, "problem", None) or str(error)
        raise InvalidInputError([Problem(source, where, "", f"invalid YAML: {problem}")]) from None


def _field_name(loc: Sequence[Any]) -> str:
    names = [str(part) for part in loc if isinstance(part, str)]
    return names[-1] if names else ""


CHOICES: dict[str, type[ForgivingEnum]] = {
    "polarity": Polarity,
    "kind": Kind,
    "frequency": Frequency,
    "basis": Basis,
}
"""Fields whose error lists the values as the docs write them (``higher``, not
``higher_is_better``)."""


def _message(detail: Any) -> str:
    message = (
        str(detail["msg"]).removeprefix("Value error, ").replace("Input should be", "expected")
    )
    if detail["type"] == "extra_forbidden":
        known = _fields_at(detail["loc"][:-1])
        hint = suggest(str(detail["loc"][-1]), known) if known else ""
        listed = f"; expected one of {', '.join(known)}" if known else ""
        return f"unknown field{hint}{listed} (see docs/scorecard-formats.md)"
    if detail["type"] == "missing":
        return "this field is required"
    given = detail.get("input")
    choices = CHOICES.get(_field_name(detail["loc"]))
    if detail["type"] == "enum" and choices is not None:
        return f"expected {choices.choices()}; got {given!r}"
    if isinstance(given, str | int | float) and "got" not in message:
        shown = repr(given) if len(str(given)) <= 60 else f"{str(given)[:60]!r}…"
        return f"{message}; got {shown}"
    return message


def _fields_at(loc: Sequence[Any]) -> list[str]:
    """The field names of the model at ``loc`` inside a scorecard, to list beside a typo."""
    model: type[BaseModel] | None = Scorecard
    for part in loc:
        if model is None:
            return []
        if isinstance(part, str) and part in model.model_fields:
            model = _model_in(model.model_fields[part].annotation)
        # anything else is a list index or a dict key: the same model one level down
    return list(model.model_fields) if model is not None else []


def _model_in(annotation: Any) -> type[BaseModel] | None:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation
    for argument in get_args(annotation):
        found = _model_in(argument)
        if found is not None:
            return found
    return None


class _LineFinder:
    """Map a model path such as ``perspectives.0.objectives.1`` to a line of the source."""

    def __init__(self, text: str) -> None:
        try:
            self.root: yaml.Node | None = yaml.compose(text)
        except (yaml.YAMLError, RecursionError, ValueError):
            self.root = None

    def locate(self, path: Sequence[Any]) -> str:
        node = self.root
        if node is None:
            return _dotted(path)
        for part in path:
            child = _child(node, part)
            if child is None:
                break
            node = child
        return (
            f"line {node.start_mark.line + 1} ({_dotted(path)})"
            if path
            else f"line {node.start_mark.line + 1}"
        )


def _child(node: yaml.Node, part: Any) -> yaml.Node | None:
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            if str(key.value) == str(part):
                return value  # type: ignore[no-any-return]
    if (
        isinstance(node, yaml.SequenceNode)
        and isinstance(part, int)
        and 0 <= part < len(node.value)
    ):
        return node.value[part]  # type: ignore[no-any-return]
    return None


def _dotted(path: Sequence[Any]) -> str:
    text = ""
    for part in path:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text
