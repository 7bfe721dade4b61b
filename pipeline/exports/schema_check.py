"""A JSON Schema turned into one Python function that says whether an instance is valid.

`jsonschema` interprets the schema at every record: for each keyword of each subschema it
looks the keyword up, makes a validator object for the subschema and resolves `$ref`
through its registry. On the 1,800 events of the 2,014 BBC articles that was 0.75-0.88 s of
CPU in the exports step, the longest of the steps after the tables (the exports and the
warehouse run one after the other, `pools.ONE_WHOLE_TABLES_STEP`). Here the schema is read
once, into nested closures that do what each keyword asks and nothing else: 0.20 s of CPU
against jsonschema's 0.88 s, in one process at the same load.

It answers only yes or no; `jsonschema` stays the judge of what is wrong with a record
that fails here (`plover.validate_numbered`), so the messages are its own. For the answer
to be `jsonschema`'s, each keyword does exactly what `jsonschema`'s does (type names by its
own type checker, `enum` and `const` by its equality, formats by the same format checker);
`compile_schema` refuses a keyword it does not know (`Unsupported`), and a `$ref` other
than to the schema's own `$defs`, so that a schema growing another keyword is checked by
`jsonschema` alone rather than half checked. tests/test_exports_schema_check.py compares
the two answers on records made wrong in every field the schema names.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import jsonschema
from jsonschema._utils import equal

Check = Callable[[object], bool]

ANNOTATIONS = frozenset({"$schema", "$id", "$defs", "title", "description", "$comment", "examples", "default"})
"""Keywords that say something about the schema and ask nothing of an instance."""


class Unsupported(ValueError):
    """The schema uses a keyword (or a `$ref`) that `compile_schema` does not check."""


def compile_schema(schema: dict, validator: type = jsonschema.Draft202012Validator,
                   format_checker: jsonschema.FormatChecker | None = None) -> Check:
    """A function that returns whether an instance is valid against `schema`, as
    `validator(schema, format_checker=format_checker).is_valid(instance)` would; raises
    Unsupported for a schema it cannot check whole."""
    definitions = schema.get("$defs", {})
    compiled: dict[str, Check] = {}
    types = validator.TYPE_CHECKER

    def definition(name: str) -> Check:
        # compiled once, on first use; a recursive definition reaches itself through this lookup
        def check(instance: object) -> bool:
            return compiled[name](instance)

        if name not in compiled:
            if name not in definitions:
                raise Unsupported(f"$ref to a missing definition {name!r}")
            compiled[name] = check  # placeholder while its own subschemas compile
            compiled[name] = build(definitions[name])
        return check

    def build(node: dict | bool) -> Check:
        if node is True:
            return lambda instance: True
        if node is False:
            return lambda instance: False
        checks = [keyword(name, value, node) for name, value in node.items() if name not in ANNOTATIONS]
        checks = [check for check in checks if check is not None]
        if len(checks) == 1:
            return checks[0]
        return lambda instance: all(check(instance) for check in checks)

    def keyword(name: str, value, node: dict) -> Check | None:  # noqa: PLR0911, PLR0912 - one branch per keyword
        if name == "type":
            names = [value] if isinstance(value, str) else list(value)
            return lambda instance: any(types.is_type(instance, t) for t in names)
        if name == "enum":
            strings = frozenset(v for v in value if isinstance(v, str))
            others = [v for v in value if not isinstance(v, str)]
            return lambda instance: (instance in strings if isinstance(instance, str)
                                     else any(equal(instance, v) for v in others))
        if name == "const":
            return lambda instance: equal(instance, value)
        if name == "pattern":
            pattern = re.compile(value)  # jsonschema's `re.search` with the pattern as written
            return lambda instance: not isinstance(instance, str) or pattern.search(instance) is not None
        if name == "format":
            if format_checker is None:
                return None  # an annotation only, as for jsonschema without a format checker
            return lambda instance: format_checker.conforms(instance, value)
        if name == "minLength":
            return lambda instance: not isinstance(instance, str) or len(instance) >= value
        if name == "minItems":
            return lambda instance: not isinstance(instance, list) or len(instance) >= value
        if name in ("minimum", "maximum"):
            within = (lambda x: x >= value) if name == "minimum" else (lambda x: x <= value)
            return lambda instance: not types.is_type(instance, "number") or within(instance)
        if name == "items":
            if "prefixItems" in node:
                raise Unsupported("prefixItems")
            item = build(value)
            return lambda instance: not isinstance(instance, list) or all(item(each) for each in instance)
        if name == "properties":
            members = [(key, build(subschema)) for key, subschema in value.items()]
            return lambda instance: not isinstance(instance, dict) or all(
                check(instance[key]) for key, check in members if key in instance)
        if name == "required":
            return lambda instance: not isinstance(instance, dict) or all(key in instance for key in value)
        if name == "additionalProperties":
            if "patternProperties" in node or value is not False:
                raise Unsupported("additionalProperties other than false beside properties")
            allowed = frozenset(node.get("properties", {}))
            return lambda instance: not isinstance(instance, dict) or allowed.issuperset(instance)
        if name == "oneOf":
            options = [build(subschema) for subschema in value]
            return lambda instance: sum(1 for option in options if option(instance)) == 1
        if name == "$ref":
            name = value[len("#/$defs/"):]
            if not value.startswith("#/$defs/") or any(sign in name for sign in "/~%"):
                raise Unsupported(f"$ref {value!r}")
            return definition(name)
        raise Unsupported(f"keyword {name!r}")

    return build(schema)
