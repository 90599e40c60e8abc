"""The contract's models start cheaply (issue 13, cold start): pydantic reads every
``default_factory``'s signature as it builds a model, and for a builtin (``list``, ``dict``)
the signature is parsed from its text signature with the tokenizer — 3.4 ms of each cold
``jdx convert`` and of each batch's workers' server, for the role contract's list fields."""

from __future__ import annotations

import inspect

import pytest
from jdx.pipeline.batch import records
from jdx.schemas import document, role
from pydantic import BaseModel


def _models(module) -> list[type[BaseModel]]:
    return [m for m in vars(module).values()
            if inspect.isclass(m) and issubclass(m, BaseModel) and m.__module__ == module.__name__]


@pytest.mark.parametrize("module", [role, document, records], ids=lambda m: m.__name__)
def test_no_model_on_the_start_path_takes_a_builtin_factory(module) -> None:
    builtin = [f"{model.__name__}.{name}" for model in _models(module) for name, field in model.model_fields.items()
               if field.default_factory is not None and inspect.isbuiltin(field.default_factory)
               or field.default_factory in (list, dict, set, tuple)]
    assert _models(module) and builtin == []


def test_the_factories_give_a_new_object_each_time() -> None:
    first, second = role.Qualifications(), role.Qualifications()
    first.skills.append("Excel")
    assert second.skills == [] and role.new_dict() is not role.new_dict()
