"""The base of every reviewtui model: pydantic, with its validator built on first use.

Building a model's validator at import cost 25-30 ms of every start of the app (40
models, most of which a given run never validates: the importers', the exporters', the
themes'); deferred, each is built the first time it is used, once.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict


class Model(BaseModel):
    """A pydantic model whose validator is built when first needed, not at import."""

    model_config = ConfigDict(defer_build=True)
