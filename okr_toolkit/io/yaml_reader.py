"""Reading a YAML OKR file: safely, refusing aliases, tags and deep nesting, as it parses.

The document is composed into YAML nodes by a checking loader (libyaml's parser
under PyYAML's Python composer where libyaml is there), then walked by
:class:`_YamlReader` into a :class:`~okr_toolkit.io.model.Document` whose every
value remembers its line and column. PyYAML is imported on first use.
"""

from __future__ import annotations

import functools
from typing import Any

from okr_toolkit.io.coerce import cell_id, unknown_field_fix
from okr_toolkit.io.fields import (
    CHECKIN_FIELDS,
    KPI_FIELDS,
    KR_FIELDS,
    OBJECTIVE_FIELDS,
    TOP_FIELDS,
)
from okr_toolkit.io.model import Cell, Document, FileProblem, OKRFileError, Problems, Record, fail

__all__ = ["yaml_document"]

#: Deeper nesting than any OKR file needs; refused before Python's recursion limit.
_MAX_YAML_DEPTH = 50
_PLAIN_TAGS = {
    f"tag:yaml.org,2002:{t}"
    for t in ("str", "int", "float", "bool", "null", "timestamp", "seq", "map")
}


def _yaml_bases() -> tuple[type, ...]:
    """The classes of the YAML loader: libyaml's C parser under PyYAML's Python composer.

    The composer must be Python, to refuse aliases, tags and deep nesting as it
    goes; the parser (the scanning of characters, most of the time) may be C,
    which makes reading about four times faster. Without libyaml, all Python.
    """
    import yaml
    from yaml.composer import Composer
    from yaml.constructor import SafeConstructor
    from yaml.resolver import Resolver

    try:
        from yaml._yaml import CParser
    except ImportError:  # PyYAML built without libyaml
        return (yaml.SafeLoader,)

    class FastBase(Composer, SafeConstructor, Resolver, CParser):
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return (FastBase,)


@functools.cache
def _checking_loader(fast: bool = True) -> type:
    """The YAML loader class, built once: safe, and refusing aliases, tags and deep nesting.

    ``fast=False`` gives the same checks over PyYAML's pure-Python parser, used to
    locate a nesting problem that libyaml refused on its own terms (see
    :func:`_compose`).
    """
    import yaml

    bases = _yaml_bases() if fast else (yaml.SafeLoader,)

    class Loader(*bases):  # type: ignore[misc]
        depth = 0

        # Aliases can expand a small file into an enormous one ("billion laughs"),
        # and OKR files have no use for them: refuse them as they are parsed.
        def compose_node(self, parent: Any, index: Any) -> Any:
            if self.check_event(yaml.AliasEvent):
                mark = self.peek_event().start_mark
                raise yaml.MarkedYAMLError(
                    problem="anchors and aliases (*name) are not supported", problem_mark=mark
                )
            if self.depth >= _MAX_YAML_DEPTH:
                raise yaml.MarkedYAMLError(
                    problem=f"nested more than {_MAX_YAML_DEPTH} levels deep",
                    problem_mark=self.peek_event().start_mark,
                )
            self.depth += 1
            try:
                node = super().compose_node(parent, index)
            finally:
                self.depth -= 1
            if node.tag == "tag:yaml.org,2002:merge":
                raise yaml.MarkedYAMLError(
                    problem="merge keys (<<) are not supported",
                    problem_mark=node.start_mark,
                )
            if node.tag not in _PLAIN_TAGS:
                raise yaml.MarkedYAMLError(
                    problem=f"the tag {node.tag.replace('tag:yaml.org,2002:', '!!')} is not "
                    "allowed (OKR files hold plain values only)",
                    problem_mark=node.start_mark,
                )
            return node

    return Loader


def _compose(text: str) -> Any:
    """Parse ``text`` into YAML nodes with the checking loader.

    libyaml (from 0.2.6, bundled with PyYAML 6.0.4) refuses flow nesting beyond
    its own limit while scanning ahead, at a place and in words that vary by
    version. Nesting that deep is always past ours, so on that refusal the text
    is read again by the pure-Python parser, whose composer stops at level
    ``_MAX_YAML_DEPTH`` where that level opens: the same problem, at the same
    place, whichever libyaml is installed.
    """
    import yaml

    try:
        return yaml.compose(text, Loader=_checking_loader())
    except yaml.MarkedYAMLError as err:
        if "nesting depth" not in (err.problem or ""):
            raise
        try:
            return yaml.compose(text, Loader=_checking_loader(fast=False))
        except yaml.MarkedYAMLError as located:
            raise located from None
        # Unreachable in practice (1000 levels is past 50); if it ever happens,
        # the refusal still says what the project says, at libyaml's mark.
        raise yaml.MarkedYAMLError(
            problem=f"nested more than {_MAX_YAML_DEPTH} levels deep",
            problem_mark=err.problem_mark,
        ) from None


def yaml_document(name: str, text: str) -> Document:
    import yaml

    try:
        root = _compose(text)
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        problem = err.problem or err.context or "not valid YAML"
        fix = (
            "write the values out in full"
            if "alias" in problem
            else "write the fields out in each place instead"
            if "merge keys" in problem
            else "remove the tag and write a plain value"
            if "tag" in problem
            else "split the file, or nest less deeply"
            if "nested" in problem
            else "check the indentation and quoting around this line"
        )
        if problem == "but found another document":
            problem = "the file holds more than one YAML document (a second '---')"
            fix = "keep one document per file: remove the '---' line and what follows it"
        elif err.context and err.context_mark and err.problem_mark:
            problem += (
                f" ({err.context} that starts on line {err.context_mark.line + 1} "
                f"column {err.context_mark.column + 1})"
            )
        raise OKRFileError(
            [
                FileProblem(
                    name,
                    f"not valid YAML: {problem}",
                    fix,
                    mark.line + 1 if mark else None,
                    mark.column + 1 if mark else None,
                )
            ]
        ) from None
    except yaml.reader.ReaderError as err:
        before = text[: err.position]
        raise OKRFileError(
            [
                FileProblem(
                    name,
                    f"the character {chr(err.character)!r} is not allowed in a YAML file",
                    "remove it (it often comes from copying out of a binary file or a PDF)",
                    before.count("\n") + 1,
                    len(before) - before.rfind("\n"),
                )
            ]
        ) from None
    except yaml.YAMLError as err:
        fail(name, f"not valid YAML: {str(err).splitlines()[0]}")
    doc = Document(name)
    problems = Problems(name)
    if root is None:
        fail(name, "the file has no content, only comments", "add objectives (see okr new)")
    reader = _YamlReader(problems)
    top = reader.mapping(root, TOP_FIELDS, "the file", "the top of the file")
    if top is not None:
        doc.top = {
            k: reader.cell(v, k, "the file")
            for k, (_, v) in top.items()
            if k not in ("objectives", "kpis")
        }
        if "objectives" not in top:
            problems.at(
                reader.where(root),
                "the file has no 'objectives' list",
                "add objectives: with at least one objective",
            )
        n_before = len(problems.items)
        objective_nodes = reader.sequence(top, "objectives", "the file")
        if "objectives" in top and not objective_nodes and len(problems.items) == n_before:
            problems.at(
                reader.where(top["objectives"][1]),
                "the objectives list is empty",
                "add at least one objective (okr new writes a starter)",
            )
        for i, node in enumerate(objective_nodes):
            reader.objective(doc, node, i)
        if "kpis" in top:
            doc.kpis = []
            for node in reader.sequence(top, "kpis", "the file"):
                fields = reader.mapping(node, KPI_FIELDS, "each KPI", "a KPI")
                if fields is not None:
                    doc.kpis.append(reader.record(node, fields, "KPI"))
    if problems.items:
        # Structural problems first; the value checks would only repeat them.
        problems.raise_if_any()
    return doc


class _YamlReader:
    def __init__(self, problems: Problems) -> None:
        import yaml

        self.yaml = yaml
        self.p = problems
        self.constructor = yaml.constructor.SafeConstructor()

    @staticmethod
    def where(node: Any) -> Cell:
        return Cell(None, node.start_mark.line + 1, node.start_mark.column + 1)

    def mapping(
        self, node: Any, known: dict[str, str], plural: str, what: str
    ) -> dict[str, tuple[Any, Any]] | None:
        if not isinstance(node, self.yaml.MappingNode):
            self.p.at(
                self.where(node),
                f"expected {what} as 'field: value' lines, got {self._kind(node)}",
                "check the indentation: fields of one item line up under each other",
            )
            return None
        out: dict[str, tuple[Any, Any]] = {}
        for key, value in node.value:
            if not isinstance(key, self.yaml.ScalarNode):
                self.p.at(self.where(key), "a field name must be plain text", "write name: value")
                continue
            name = str(key.value)
            if name in out:
                first = out[name][0].start_mark.line + 1
                self.p.at(
                    self.where(key),
                    f"field '{name}' is given twice (first on line {first})",
                    "keep one of them",
                )
                continue
            if name not in known:
                self.p.at(
                    self.where(key),
                    f"unknown field '{name}' in {what}",
                    unknown_field_fix(name, known),
                )
                continue
            out[name] = (key, value)
        return out

    def _kind(self, node: Any) -> str:
        if isinstance(node, self.yaml.SequenceNode):
            return "a list"
        if isinstance(node, self.yaml.MappingNode):
            return "a mapping"
        value = self.scalar(node)
        return "nothing" if value is None else f"the value {str(value)[:40]!r}"

    def scalar(self, node: Any) -> Any:
        try:
            return self.constructor.construct_object(node, deep=True)
        except (self.yaml.YAMLError, ValueError, TypeError, OverflowError):
            return str(node.value)

    def cell(self, node: Any, name: str, what: str) -> Cell:
        line, column = node.start_mark.line + 1, node.start_mark.column + 1
        if not isinstance(node, self.yaml.ScalarNode):
            self.p.at(
                Cell(None, line, column),
                f"{what}: {name} must be a single value, got {self._kind(node)}",
                "write it on one line after the colon",
            )
            return Cell(None, line, column)
        # The text as written, for a plain scalar: YAML 1.1 reads 1.10 as 1.1, 010 as 8.
        raw = str(node.value) if not node.style else None  # libyaml: "", PyYAML: None
        return Cell(self.scalar(node), line, column, raw=raw, quoted=node.style in ("'", '"'))

    def sequence(self, fields: dict[str, tuple[Any, Any]], name: str, what: str) -> list[Any]:
        if name not in fields:
            return []
        node = fields[name][1]
        if isinstance(node, self.yaml.ScalarNode) and self.scalar(node) is None:
            return []
        if not isinstance(node, self.yaml.SequenceNode):
            self.p.at(
                self.where(node),
                f"{what}: {name} must be a list (items starting with '- '), got {self._kind(node)}",
                f"write each item of {name} on its own line starting with '- '",
            )
            return []
        return list(node.value)

    def record(self, node: Any, fields: dict[str, tuple[Any, Any]], what: str, **kw: Any) -> Record:
        cells = {
            k: self.cell(v, k, what)
            for k, (_, v) in fields.items()
            if k not in ("key_results", "checkins")
        }
        here = self.where(node)
        return Record(cells, here.line, here.column, **kw)

    def objective(self, doc: Document, node: Any, i: int) -> None:
        fields = self.mapping(node, OBJECTIVE_FIELDS, "each objective", "an objective")
        if fields is None:
            return
        rec = self.record(node, fields, "objective", index=i)
        doc.objectives.append(rec)
        obj_id = cell_id(rec.fields.get("id"))
        for j, kr_node in enumerate(self.sequence(fields, "key_results", "objective")):
            kr_fields = self.mapping(kr_node, KR_FIELDS, "each key result", "a key result")
            if kr_fields is None:
                continue
            kr = self.record(kr_node, kr_fields, "key result", owner=obj_id, index=j)
            doc.krs.append(kr)
            kr_id = cell_id(kr.fields.get("id"))
            if kr_id is None and obj_id is not None:
                kr_id = f"{obj_id}.kr{j + 1}"
            for c_node in self.sequence(kr_fields, "checkins", "key result"):
                c_fields = self.mapping(c_node, CHECKIN_FIELDS, "each check-in", "a check-in")
                if c_fields is not None:
                    doc.checkins.append(self.record(c_node, c_fields, "check-in", owner=kr_id))
