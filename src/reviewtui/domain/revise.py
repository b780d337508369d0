"""Changing a model through validation (``model_copy(update=...)`` would skip it)."""

from __future__ import annotations

from typing import Any, TypeVar

from pydantic import BaseModel

ModelT = TypeVar("ModelT", bound=BaseModel)


def revised(model: ModelT, **changes: Any) -> ModelT:
    """A copy of ``model`` with ``changes``, validated like any new model (raises
    ValidationError on a bad value, such as a rating of 11)."""
    return type(model).model_validate({**model.model_dump(), **changes})
