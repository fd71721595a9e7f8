"""Typed views of the governance block: one reader per field, whatever YAML holds.

A view wraps the mapping YAML produced and its path in the card, so rules can locate what
they report. Properties return the one type a consumer can reason about, or None (or an
empty list) when the value cannot be read that way: the schema reports wrong types, the
views never raise on them. Facts that may be `undisclosed` are read as a :class:`Fact`,
which keeps apart a stated value, an honest `undisclosed`, a TODO placeholder, an absent
key and an unreadable value.
"""

from __future__ import annotations

import datetime as _dt
import enum
from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from datacard_lint._meta import GOVERNANCE_KEY
from datacard_lint.governance import readers as r
from datacard_lint.governance.vocabulary import (
    ALGORITHM_LABEL,
    ALGORITHMIC_CLASSES,
    GROUNDED_CLASSES,
    MIXED_CLASS,
    MODEL_CLASSES,
    SYNTHETIC_CLASSES,
)

Path_ = tuple[Hashable, ...]
G: Path_ = (GOVERNANCE_KEY,)
T = TypeVar("T")
#: The verification rates, fractions from 0 to 1.
RATE_KEYS = ("pass_rate", "reject_rate")


class Status(enum.Enum):
    """How a fact is answered."""

    STATED = "stated"
    UNDISCLOSED = "undisclosed"
    TODO = "todo"
    ABSENT = "absent"
    INVALID = "invalid"


@dataclass(frozen=True, slots=True)
class Fact(Generic[T]):
    """A fact that may be stated, honestly undisclosed, a TODO, absent or unreadable."""

    status: Status
    path: Path_
    value: T | None = None
    #: For an undisclosed fact in its long form: why, and where that was stated.
    reason: str | None = None
    source: str | None = None
    #: The value as YAML loaded it (None when absent), for messages and for telling an
    #: explicit `null` from a missing key.
    raw: object = None

    @property
    def stated(self) -> bool:
        return self.status is Status.STATED

    @property
    def undisclosed(self) -> bool:
        return self.status is Status.UNDISCLOSED

    @property
    def answered(self) -> bool:
        """Stated or honestly undisclosed: the author has said what is known."""
        return self.status in (Status.STATED, Status.UNDISCLOSED)


def read_fact(data: Mapping[str, Any], key: str, path: Path_, read: Callable[[object], T | None]) -> Fact[T]:
    where = (*path, key)
    if key not in data:
        return Fact(Status.ABSENT, where)
    raw = data[key]
    if r.is_undisclosed(raw):
        return Fact(Status.UNDISCLOSED, where, None, r.undisclosed_reason(raw), r.undisclosed_source(raw), raw)
    if r.is_todo(raw):
        return Fact(Status.TODO, where, raw=raw)
    value = read(raw)
    return Fact(Status.INVALID, where, raw=raw) if value is None else Fact(Status.STATED, where, value, raw=raw)


def _stated_text(value: object) -> str | None:
    """Text that says something (a date counts: an unquoted revision is still a revision)."""
    if isinstance(value, _dt.date):
        return value.isoformat()
    return r.stated_text(value)


@dataclass(frozen=True, slots=True)
class _Node:
    """A mapping of the block and where it is.

    The views below subclass it as plain classes with empty `__slots__`: they add
    properties, not fields, so they inherit its frozen `__init__`, `__eq__` and `__repr__`.
    (A dataclass each cost about half a millisecond of start-up per class, on the
    one-card pre-commit path.)
    """

    data: Mapping[str, Any]
    path: Path_
    #: The item's position in its list (0 for a node that is not a list item).
    index: int = 0

    def get(self, key: str) -> Any:
        return self.data.get(key)

    def at(self, key: str) -> Path_:
        return (*self.path, key)

    def word(self, key: str) -> str | None:
        return r.as_word(self.data.get(key))

    def text(self, key: str) -> str | None:
        return r.as_text(self.data.get(key))

    def has_text(self, key: str) -> bool:
        return r.has_text(self.data.get(key))

    def number(self, key: str) -> float | None:
        return r.as_number(self.data.get(key))

    def integer(self, key: str) -> int | None:
        return r.as_int(self.data.get(key))

    def mapping(self, key: str) -> Mapping[str, Any] | None:
        return r.as_mapping(self.data.get(key))

    def section(self, name: str) -> Mapping[str, Any] | None:
        """A sub-mapping, or None when absent or not a mapping (kept for the rules)."""
        return r.as_mapping(self.data.get(name))


class PeriodView(_Node):
    """A `collection_period`: start and end dates, either of which may be missing."""

    __slots__ = ()

    @property
    def start(self) -> _dt.date | None:
        return r.as_date(self.get("start"))

    @property
    def end(self) -> _dt.date | None:
        return r.as_date(self.get("end"))

    @property
    def dated(self) -> bool:
        """The period names a start or an end (as keys, whatever their values)."""
        return "start" in self.data or "end" in self.data


def read_period(data: Mapping[str, Any], path: Path_) -> Fact[PeriodView]:
    """A `collection_period`: a period, honestly `undisclosed` (1.1), a TODO, absent or unreadable."""
    where = (*path, "collection_period")
    return read_fact(data, "collection_period", path,
                     lambda v: PeriodView(v, where) if isinstance(v, Mapping) else None)


#: The units a size may be given in (schema `$defs/size`).
SIZE_UNITS = ("rows", "tokens", "bytes")


def size_numbers(value: object) -> dict[str, int | str]:
    """A size's integer counts by unit, and its tokenizer when tokens are counted."""
    data = r.mapping(value)
    found: dict[str, int | str] = {
        unit: amount for unit in SIZE_UNITS if (amount := r.as_int(data.get(unit))) is not None
    }
    tokenizer = r.as_text(data.get("tokenizer"))
    if tokenizer and "tokens" in found:
        found["tokenizer"] = tokenizer
    return found


def undisclosed_record(facts: Mapping[str, Fact[Any]]) -> dict[str, Any]:
    """The facts that are undisclosed, by name, with the value as written: the short string,
    or the long form's string fields (reason and source)."""
    found: dict[str, Any] = {}
    for name, fact in facts.items():
        if fact.undisclosed:
            raw = fact.raw
            found[name] = raw if isinstance(raw, str) else {
                k: v for k, v in r.mapping(raw).items() if isinstance(v, str)}
    return found


def _nodes(cls: Callable[[int, Mapping[str, Any], Path_], T], value: object, path: Path_) -> list[T]:
    return [cls(index, item, (*path, index)) for index, item in r.entries(value)]


# --- origin -----------------------------------------------------------------------------


class GeneratorView(_Node):
    __slots__ = ()

    @property
    def kind(self) -> str:
        return "algorithm" if self.get("kind") == "algorithm" else "trained_model"

    @property
    def model(self) -> Fact[str]:
        return read_fact(self.data, "model", self.path, _stated_text)

    @property
    def revision(self) -> Fact[str]:
        """The exact build of the generator: a model's `revision`; for a program
        (`kind: algorithm`), which has no revision, its `version`."""
        if self.kind == "algorithm":
            return self.version_fact
        return read_fact(self.data, "revision", self.path, _stated_text)

    @property
    def snapshot(self) -> str | None:
        return _stated_text(self.get("snapshot"))

    @property
    def algorithm(self) -> str | None:
        return _stated_text(self.get("algorithm"))

    @property
    def version_fact(self) -> Fact[str]:
        """The `algorithm`'s version: stated, honestly `undisclosed` (1.1), a TODO, absent or unreadable."""
        return read_fact(self.data, "version", self.path, _stated_text)

    @property
    def version(self) -> str | None:
        """The stated version of the `algorithm` (None when absent, undisclosed or unreadable)."""
        return self.version_fact.value

    @property
    def pin(self) -> Fact[str]:
        """What fixes the exact generator, as one fact: an algorithm's `version`; a model's
        `revision`, or its dated `snapshot` when the revision is not stated."""
        revision = self.revision
        if self.kind == "algorithm":
            return revision
        snapshot = self.snapshot
        if not revision.stated and snapshot is not None:
            return Fact(Status.STATED, self.at("snapshot"), snapshot, raw=self.get("snapshot"))
        return revision

    @property
    def role(self) -> str | None:
        return self.word("role")

    @property
    def has_role(self) -> bool:
        """`role` is written with a value (whatever its type)."""
        return self.get("role") is not None

    @property
    def model_name(self) -> str | None:
        """The model's name as written, unless it is `undisclosed` (for exports)."""
        fact = self.model
        return None if fact.undisclosed else r.as_text(fact.raw)

    @property
    def algorithm_text(self) -> str | None:
        """The program's name as written, even a placeholder (for exports)."""
        return r.as_text(self.get("algorithm"))

    @property
    def snapshot_text(self) -> str | None:
        return r.as_text(self.get("snapshot"))

    @property
    def program(self) -> bool:
        """A non-learned program: `kind: algorithm`, or a named algorithm without a model."""
        return self.kind == "algorithm" or (not self.model.raw and self.algorithm_text is not None)

    @property
    def build(self) -> str | None:
        """The disclosed build as written: a program's version, or a model's revision or else
        its snapshot (for exports; `undisclosed` gives None)."""
        if self.program:
            fact = self.version_fact
            return None if fact.undisclosed else r.as_text(fact.raw)
        fact = self.revision
        revision = None if fact.undisclosed else r.as_text(fact.raw)
        return revision or self.snapshot_text

    @property
    def undisclosed(self) -> dict[str, Any]:
        """The generator's undisclosed facts: a model's model and revision, a program's version."""
        if self.program:
            return undisclosed_record({"version": self.version_fact})
        return undisclosed_record({"model": self.model, "revision": read_fact(
            self.data, "revision", self.path, _stated_text)})

    @property
    def role_written(self) -> bool:
        """`role` is written (whatever it holds, even null)."""
        return "role" in self.data

    @property
    def provider(self) -> str | None:
        return r.as_text(self.get("provider"))

    @property
    def access(self) -> str | None:
        return r.as_text(self.get("access"))

    @property
    def terms(self) -> str | None:
        return r.as_text(self.get("terms"))

    @property
    def name(self) -> str | None:
        """The model or program as named in messages."""
        return self.model.value or self.algorithm or (r.UNDISCLOSED if self.model.undisclosed else None)

    @property
    def pinned(self) -> bool:
        """The exact generator is fixed: a revision, a dated snapshot, or an algorithm's version."""
        if self.kind == "algorithm":
            return self.version is not None
        return self.revision.stated or self.snapshot is not None


def _generator(index: int, data: Mapping[str, Any], path: Path_) -> GeneratorView:
    return GeneratorView(data, path, index)


class BreakdownView(_Node):
    __slots__ = ()

    @property
    def origin_class(self) -> Fact[str]:
        return read_fact(self.data, "class", self.path, r.as_text)

    @property
    def share(self) -> Fact[float]:
        return read_fact(self.data, "share", self.path, r.as_share)


def _breakdown(index: int, data: Mapping[str, Any], path: Path_) -> BreakdownView:
    return BreakdownView(data, path, index)


class OriginView(_Node):
    __slots__ = ()
    @property
    def class_fact(self) -> Fact[str]:
        return read_fact(self.data, "class", self.path, r.as_text)

    @property
    def origin_class(self) -> str | None:
        """The stated class (None when absent, undisclosed or unreadable)."""
        value = self.get("class")
        return value if isinstance(value, str) and not r.is_undisclosed(value) else None

    @property
    def generators(self) -> list[GeneratorView]:
        return _nodes(_generator, self.get("generators"), self.at("generators"))

    @property
    def has_generators(self) -> bool:
        """`generators` is written (whatever it holds)."""
        return "generators" in self.data

    @property
    def breakdown(self) -> list[BreakdownView]:
        return _nodes(_breakdown, self.get("breakdown"), self.at("breakdown"))

    @property
    def seed_source(self) -> str | None:
        """Where the prompts or seeds came from, when it says something."""
        return r.stated_text(self.get("seed_source"))

    @property
    def seed_text(self) -> str | None:
        """The seed source as written, even a placeholder (for exports)."""
        return r.as_text(self.get("seed_source"))

    @property
    def description(self) -> str | None:
        return r.as_text(self.get("description"))

    @property
    def sources(self) -> list[str]:
        """`source_datasets` as a list (a lone string counts as one), for exports."""
        return r.texts(self.get("source_datasets"))

    @property
    def source_datasets(self) -> list[str]:
        return [s.strip() for s in r.strings(self.get("source_datasets")) if s.strip()]

    @property
    def collection_period(self) -> Fact[PeriodView]:
        return read_period(self.data, self.path)

    @property
    def period(self) -> PeriodView:
        """The stated period, or an empty one (no dates) when there is none."""
        return self.collection_period.value or PeriodView({}, self.at("collection_period"))

    @property
    def synthetic(self) -> bool:
        """Content a model or a program produced, wholly or in part."""
        klass = self.origin_class
        if klass == MIXED_CLASS:
            parts = self.breakdown
            # A mixed part without a breakdown may be anything; rules ask for the breakdown.
            return not parts or any(
                b.origin_class.value in SYNTHETIC_CLASSES or not b.origin_class.stated for b in parts
            )
        return klass in SYNTHETIC_CLASSES

    @property
    def model_made(self) -> bool:
        klass = self.origin_class
        if klass == MIXED_CLASS:
            return any(b.origin_class.value in MODEL_CLASSES for b in self.breakdown)
        return klass in MODEL_CLASSES

    @property
    def algorithmic(self) -> bool:
        klass = self.origin_class
        if klass == MIXED_CLASS:
            return any(b.origin_class.value in ALGORITHMIC_CLASSES for b in self.breakdown)
        return klass in ALGORITHMIC_CLASSES

    def grounded_share(self) -> float | None:
        """Fraction of the items that are grounded (people or the world made them); None when unknown."""
        return _class_grounded(self.origin_class, self.breakdown)


def _class_grounded(klass: str | None, breakdown: list[BreakdownView]) -> float | None:
    if klass in SYNTHETIC_CLASSES:
        return 0.0
    if klass in GROUNDED_CLASSES:
        return 1.0
    if klass == MIXED_CLASS and breakdown:
        total = 0.0
        for entry in breakdown:
            share = entry.share.value
            grounded = _class_grounded(entry.origin_class.value if entry.origin_class.stated else None, [])
            if share is None or grounded is None:
                return None
            total += share * grounded
        return min(total, 1.0)
    return None


# --- parts ------------------------------------------------------------------------------


class ComponentView(_Node):
    __slots__ = ()

    @property
    def field(self) -> str | None:
        return self.text("field")

    @property
    def role(self) -> str | None:
        return self.word("role")

    @property
    def origin(self) -> OriginView:
        return OriginView(r.mapping(self.get("origin")), self.at("origin"))

    @property
    def share(self) -> Fact[float]:
        return read_fact(self.data, "share", self.path, r.as_share)

    def grounded_share(self) -> float | None:
        return self.origin.grounded_share()


def _component(index: int, data: Mapping[str, Any], path: Path_) -> ComponentView:
    return ComponentView(data, path, index)


class PurposeView(_Node):
    __slots__ = ()
    @property
    def category(self) -> str | None:
        value = self.get("category")
        return value if r.has_text(value) else None

    @property
    def statement(self) -> str | None:
        return r.stated_text(self.get("statement"))

    @property
    def raw_category(self) -> object:
        return self.get("category")

    @property
    def raw_statement(self) -> object:
        """The statement as written, for messages."""
        return self.get("statement")

    @property
    def has_statement(self) -> bool:
        """`statement` is written (whatever it holds)."""
        return "statement" in self.data

    @property
    def has_category(self) -> bool:
        """`category` is written (whatever it holds)."""
        return "category" in self.data


class MethodView(_Node):
    __slots__ = ()

    @property
    def method(self) -> str | None:
        return self.word("method")

    @property
    def coverage(self) -> str | None:
        return self.word("coverage")

    @property
    def sample_size(self) -> int | None:
        return self.integer("sample_size")

    @property
    def has_sample_size(self) -> bool:
        """`sample_size` is written with a value (whatever its type)."""
        return self.get("sample_size") is not None

    @property
    def sized(self) -> bool:
        """`sample_size` is a number."""
        return self.number("sample_size") is not None

    @property
    def has_method(self) -> bool:
        """`method` is written (whatever it holds)."""
        return "method" in self.data

    @property
    def raw_method(self) -> object:
        """The method as written, for messages (None when absent)."""
        return self.get("method")

    def rate(self, key: str) -> float | None:
        """`pass_rate` or `reject_rate` as a number (any value, even out of range)."""
        return self.number(key) if key in RATE_KEYS else None

    @property
    def rated(self) -> bool:
        return any(self.rate(key) is not None for key in RATE_KEYS)

    @property
    def tool(self) -> str | None:
        """The tool or judge model, when it says something."""
        return r.stated_text(self.get("tool"))

    @property
    def raw_tool(self) -> str | None:
        """The tool as written when it is a string (a model id compared with the generators)."""
        return r.as_word(self.get("tool"))

    @property
    def tool_version(self) -> str | None:
        return r.stated_text(self.get("tool_version"))

    @property
    def pass_rate(self) -> float | None:
        return self.rate("pass_rate")

    @property
    def reviewer_qualification(self) -> str | None:
        return r.stated_text(self.get("reviewer_qualification"))

    @property
    def notes(self) -> str | None:
        return r.as_text(self.get("notes"))

    @property
    def real(self) -> bool:
        """A method that checked something (not `none`, not missing)."""
        return self.method not in (None, "none")

    @property
    def evidenced(self) -> bool:
        """Enough to trust the figures: a sample size, a pass or reject rate, and the tool or reviewers."""
        if not self.real:
            return False
        has_source = self.tool is not None or self.reviewer_qualification is not None or r.has_text(
            self.get("evidence_url"))
        return self.sized and self.rated and has_source


def _method(index: int, data: Mapping[str, Any], path: Path_) -> MethodView:
    return MethodView(data, path, index)


class VerificationView(_Node):
    __slots__ = ()
    @property
    def domain(self) -> str | None:
        value = self.get("domain")
        return value if r.has_text(value) else None

    @property
    def methods(self) -> list[MethodView]:
        return _nodes(_method, self.get("methods"), self.at("methods"))

    @property
    def has_methods(self) -> bool:
        """`methods` is written with a value (whatever its type)."""
        return self.get("methods") is not None

    @property
    def declared_unverified(self) -> bool | None:
        """`methods` is a list whose every entry is `{method: none}` (True for an empty list);
        None when `methods` is not a list."""
        value = self.get("methods")
        if not isinstance(value, list):
            return None
        return all(isinstance(m, Mapping) and m.get("method") == "none" for m in value)

    @property
    def methods_empty(self) -> bool:
        value = self.get("methods")
        return isinstance(value, list) and not value

    @property
    def reason(self) -> str | None:
        return r.stated_text(self.get("reason"))

    @property
    def reason_text(self) -> str | None:
        """The reason as written, even a placeholder (for exports)."""
        return r.as_text(self.get("reason"))


class LabelView(_Node):
    """A part's `contamination` label."""

    __slots__ = ()

    @property
    def ai_label(self) -> str | None:
        return self.word("ai_label")

    @property
    def digital_source_type(self) -> str | None:
        return self.word("digital_source_type")

    @property
    def determination(self) -> list[str]:
        """The determination methods. A lone string (a schema error with an obvious meaning)
        reads as a list of one; a number, bool or date reads as none."""
        value = self.get("determination")
        return [value] if isinstance(value, str) else r.strings(value)

    @property
    def determination_entries(self) -> list[tuple[int, object]]:
        """The determination list as written, index by index (empty when it is not a list),
        so a finding can point at the one entry it is about."""
        value = self.get("determination")
        return list(enumerate(value)) if isinstance(value, list) else []

    @property
    def confidence(self) -> str | None:
        return self.word("confidence")

    @property
    def estimated_ai_share(self) -> float | None:
        return self.number("estimated_ai_share")

    @property
    def estimate_method_text(self) -> str | None:
        """The estimate method as written, even a placeholder (for exports)."""
        return r.as_text(self.get("estimate_method"))

    @property
    def determination_list(self) -> list[str]:
        """The determination methods, a lone string counting as one, stripped (for exports)."""
        return r.texts(self.get("determination"))

    @property
    def has_estimate(self) -> bool:
        """`estimated_ai_share` is written (whatever it holds): the author has tried an estimate."""
        return "estimated_ai_share" in self.data

    @property
    def estimate_method(self) -> str | None:
        return r.stated_text(self.get("estimate_method"))

    @property
    def detector(self) -> DetectorView | None:
        value = self.section("detector")
        return None if value is None else DetectorView(value, self.at("detector"))

    @property
    def involvement(self) -> InvolvementView | None:
        value = self.section("involvement")
        return None if value is None else InvolvementView(value, self.at("involvement"))

    @property
    def program_made(self) -> bool:
        """The label says a non-learned program made the content (`algorithm_generated`, 1.1)."""
        return self.ai_label == ALGORITHM_LABEL


def _version_text(value: object) -> str | None:
    """Versions are often unquoted numbers in YAML (`version: 1.2`); they still say something."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return r.stated_text(value)


@dataclass(frozen=True, slots=True)
class DetectorView(_Node):
    """The detector that determined a label."""

    @property
    def name(self) -> str | None:
        return _version_text(self.get("name"))

    @property
    def version(self) -> str | None:
        return _version_text(self.get("version"))


@dataclass(frozen=True, slots=True)
class InvolvementView(_Node):
    """Who wrote, edited and verified a part's content (`human`, `machine`, …)."""

    @property
    def written(self) -> str | None:
        return self.word("written")

    @property
    def edited(self) -> str | None:
        return self.word("edited")

    @property
    def verified(self) -> str | None:
        return self.word("verified")

    def as_written(self) -> dict[str, str]:
        """Every string entry, in the card's order (for exports)."""
        return {str(k): v for k, v in self.data.items() if isinstance(v, str)}


class PublicEvidenceView(_Node):
    __slots__ = ()
    @property
    def synthetic(self) -> Fact[bool]:
        return read_fact(self.data, "synthetic", self.path, r.as_bool)

    @property
    def kinds(self) -> list[str]:
        return r.strings(self.get("kinds"))

    @property
    def presumptively_weak(self) -> bool | None:
        return r.as_bool(self.get("presumptively_weak"))

    @property
    def presented_as_public_participation(self) -> bool | None:
        return r.as_bool(self.get("presented_as_public_participation"))

    @property
    def kinds_missing(self) -> bool:
        """`kinds` is absent, null or an empty list (another type is the schema's error)."""
        value = self.get("kinds")
        return value is None or (isinstance(value, list) and not value)

    @property
    def has_kinds(self) -> bool:
        """`kinds` is written (whatever it holds)."""
        return "kinds" in self.data

    @property
    def disclosure(self) -> str | None:
        """The disclosure text, when it says something."""
        return r.stated_text(self.get("disclosure"))

    @property
    def disclosure_text(self) -> str | None:
        """The disclosure as written, even a placeholder (for exports)."""
        return r.as_text(self.get("disclosure"))

    @property
    def kinds_list(self) -> list[str]:
        """The kinds, a lone string counting as one, stripped (for exports)."""
        return r.texts(self.get("kinds"))

    @property
    def has_disclosure(self) -> bool:
        """`disclosure` is written (whatever it holds)."""
        return "disclosure" in self.data


class ProcessingView(_Node):
    __slots__ = ()

    @property
    def step(self) -> str | None:
        return self.word("step")

    @property
    def method(self) -> str | None:
        return self.text("method")

    #: The fields of a step that exports copy.
    RECORD: ClassVar[tuple[str, ...]] = ("step", "method", "tool", "tool_version", "parameters", "items_removed",
                                         "share_removed", "description")

    def as_record(self) -> dict[str, Any]:
        """The step as plain JSON (for exports)."""
        return r.plain_record(self.data, self.RECORD)


def _processing(index: int, data: Mapping[str, Any], path: Path_) -> ProcessingView:
    return ProcessingView(data, path, index)


class PartView(_Node):
    """One entry of `governance.parts` that is a mapping, with its index and path."""

    __slots__ = ()

    @property
    def id(self) -> str:
        return str(self.data.get("id", f"#{self.index}"))

    @property
    def origin(self) -> OriginView:
        return OriginView(r.mapping(self.get("origin")), self.at("origin"))

    @property
    def origin_class(self) -> str | None:
        return self.origin.origin_class

    @property
    def components(self) -> list[ComponentView]:
        return _nodes(_component, self.get("components"), self.at("components"))

    @property
    def synthetic(self) -> bool:
        """The part holds content a model or a program produced (in its class, breakdown or components)."""
        return self.origin.synthetic or any(c.origin.synthetic for c in self.components)

    @property
    def model_made(self) -> bool:
        return self.origin.model_made or any(c.origin.model_made for c in self.components)

    @property
    def share(self) -> Fact[float]:
        return read_fact(self.data, "share", self.path, r.as_number)

    @property
    def share_basis(self) -> str:
        value = self.get("share_basis")
        return value if isinstance(value, str) else "rows"

    @property
    def has_share_basis(self) -> bool:
        """`share_basis` is written (whatever it holds)."""
        return "share_basis" in self.data

    @property
    def basis(self) -> str | None:
        """The unit of the share as written: `rows` when absent, None when not a string."""
        return r.as_word(self.data.get("share_basis", "rows"))

    @property
    def has_id(self) -> bool:
        """`id` is written (whatever it holds)."""
        return "id" in self.data

    @property
    def raw_id(self) -> str | None:
        """The `id` as written, when it is a string (:attr:`id` falls back to the index)."""
        return r.as_word(self.get("id"))

    @property
    def config_name(self) -> str | None:
        return r.as_word(self.get("config_name"))

    @property
    def split(self) -> str | None:
        return r.as_word(self.get("split"))

    @property
    def description(self) -> str | None:
        return r.as_text(self.get("description"))

    def size_in(self, unit: str) -> float | None:
        """The part's size in `rows`, `tokens` or `bytes`, when stated as a number."""
        return r.as_number(r.mapping(self.get("size")).get(unit))

    @property
    def size(self) -> Fact[Mapping[str, Any]]:
        return read_fact(self.data, "size", self.path, lambda v: r.as_mapping(v) or None)

    @property
    def sampling_weight(self) -> Fact[float]:
        """The part's weight in the training mix (1.1), when it differs from its stored `share`."""
        return read_fact(self.data, "sampling_weight", self.path, r.as_share)

    @property
    def epochs(self) -> float | None:
        """Passes over the part in one training run (1.1), when stated as a number."""
        value = self.number("epochs")
        return value if value is not None and value >= 0 else None

    @property
    def has_purpose(self) -> bool:
        """`purpose` is written (whatever it holds)."""
        return "purpose" in self.data

    @property
    def purposes(self) -> list[PurposeView]:
        """One purpose (1.0) or several (1.1): always a list."""
        value = self.get("purpose")
        if isinstance(value, Mapping):
            return [PurposeView(value, self.at("purpose"))]
        return [PurposeView(item, (*self.at("purpose"), i)) for i, item in r.entries(value)]

    @property
    def has_verification(self) -> bool:
        """`verification` is written (whatever it holds)."""
        return "verification" in self.data

    @property
    def verification(self) -> VerificationView | None:
        value = self.section("verification")
        return None if value is None else VerificationView(value, self.at("verification"))

    @property
    def methods(self) -> list[MethodView]:
        return self.verification.methods if self.verification is not None else []

    @property
    def has_contamination(self) -> bool:
        """`contamination` is written (whatever it holds)."""
        return "contamination" in self.data

    @property
    def contamination(self) -> LabelView | None:
        value = self.section("contamination")
        return None if value is None else LabelView(value, self.at("contamination"))

    @property
    def has_public_evidence(self) -> bool:
        """`public_evidence` is written (whatever it holds)."""
        return "public_evidence" in self.data

    @property
    def public_evidence(self) -> PublicEvidenceView | None:
        value = self.section("public_evidence")
        return None if value is None else PublicEvidenceView(value, self.at("public_evidence"))

    @property
    def processing(self) -> list[ProcessingView]:
        return _nodes(_processing, self.get("processing"), self.at("processing"))

    @property
    def generators(self) -> list[GeneratorView]:
        """Generators of the part and of its components."""
        found = list(self.origin.generators)
        for component in self.components:
            found.extend(component.origin.generators)
        return found

    def component_grounded_shares(self) -> list[tuple[ComponentView, float | None]]:
        return [(c, c.grounded_share()) for c in self.components]

    def grounded_share(self) -> float | None:
        """Fraction of the part's rows made wholly by people or the world; None when unknown.

        With components that are row slices (`share` given), their grounded shares are
        weighted by share. Components without shares are columns of every row: a row is
        grounded only when every field is, so one synthetic field makes the part 0.
        Without components, the origin (class or breakdown) decides.
        """
        components = self.components
        if not components:
            return self.origin.grounded_share()
        grounded = [c.grounded_share() for c in components]
        if all(c.share.stated for c in components):
            total = 0.0
            for component, share_grounded in zip(components, grounded, strict=True):
                if share_grounded is None:
                    return None
                total += (component.share.value or 0.0) * share_grounded
            return min(total, 1.0)
        if any(g == 0.0 for g in grounded):
            return 0.0
        return None if any(g is None for g in grounded) else 1.0


def _part(index: int, data: Mapping[str, Any], path: Path_) -> PartView:
    return PartView(data, path, index)


# --- dataset-wide sections ----------------------------------------------------------------


class ParentView(_Node):
    __slots__ = ()

    @property
    def id(self) -> str | None:
        return self.text("id")

    @property
    def local_path(self) -> str | None:
        return self.text("path")

    @property
    def model(self) -> str | None:
        return self.text("model")

    @property
    def revision(self) -> str | None:
        return self.text("revision")

    @property
    def share(self) -> float | None:
        return self.number("share")

    @property
    def generation(self) -> int | None:
        return self.integer("generation")

    @property
    def training_data(self) -> Fact[str]:
        return read_fact(self.data, "training_data", self.path, r.as_text)


def _parent(index: int, data: Mapping[str, Any], path: Path_) -> ParentView:
    return ParentView(data, path, index)


class FreshDataView(_Node):
    __slots__ = ()
    @property
    def collection_period(self) -> Fact[PeriodView]:
        return read_period(self.data, self.path)

    @property
    def period(self) -> PeriodView:
        """The stated period, or an empty one (no dates) when there is none."""
        return self.collection_period.value or PeriodView({}, self.at("collection_period"))

    @property
    def lawful_basis(self) -> Fact[str]:
        return read_fact(self.data, "lawful_basis", self.path, r.as_word)

    @property
    def consent_documentation(self) -> str | None:
        return r.stated_text(self.get("consent_documentation"))

    @property
    def consent_documentation_text(self) -> str | None:
        """The consent documentation as written, even a placeholder (for exports)."""
        return r.as_text(self.get("consent_documentation"))

    @property
    def opt_out(self) -> str | None:
        return r.as_text(self.get("opt_out"))

    @property
    def description(self) -> str | None:
        return r.as_text(self.get("description"))


class RenewalView(_Node):
    __slots__ = ()
    @property
    def grounded_share(self) -> Fact[float]:
        return read_fact(self.data, "grounded_share", self.path, r.as_number)

    @property
    def generation(self) -> int | None:
        return self.integer("generation")

    @property
    def has_generation(self) -> bool:
        """`generation` is written (whatever it holds)."""
        return "generation" in self.data

    @property
    def parents_missing(self) -> bool:
        """No parent is listed: `parents` absent or null, or a list without a mapping entry."""
        value = self.get("parents")
        return value is None or (isinstance(value, list) and not any(True for _ in r.entries(value)))

    @property
    def parents_fact(self) -> Fact[list[ParentView]]:
        return read_fact(self.data, "parents", self.path,
                         lambda v: _nodes(_parent, v, self.at("parents")) if isinstance(v, list) else None)

    @property
    def parents(self) -> list[ParentView]:
        return _nodes(_parent, self.get("parents"), self.at("parents"))

    @property
    def cadence(self) -> str | None:
        """The refresh cadence as written, when it says something (a keyword or a duration)."""
        return r.stated_text(self.get("cadence"))

    @property
    def cadence_raw(self) -> object:
        """The cadence as YAML loaded it, for messages and for telling `none` from a TODO."""
        return self.get("cadence")

    @property
    def cadence_days(self) -> int | None:
        return r.cadence_days(self.get("cadence"))

    @property
    def last_refresh(self) -> _dt.date | None:
        return r.as_date(self.get("last_refresh"))

    @property
    def generation_depth(self) -> tuple[int | None, int | None]:
        depth = r.mapping(self.get("generation_depth"))
        return r.as_int(depth.get("min")), r.as_int(depth.get("max"))

    @property
    def fresh_data_present(self) -> bool:
        return isinstance(self.get("fresh_data"), Mapping)

    @property
    def fresh_data(self) -> FreshDataView:
        return FreshDataView(r.mapping(self.get("fresh_data")), self.at("fresh_data"))


class TailEvaluationView(_Node):
    __slots__ = ()

    @property
    def axis(self) -> str | None:
        """The axis as a string; a list or mapping (a schema error) reads as None."""
        return self.word("axis")

    @property
    def raw_axis(self) -> object:
        """The axis as written (any YAML value), for duplicate detection and messages."""
        return self.get("axis")

    @property
    def raw_slice(self) -> object:
        return self.get("slice")

    @property
    def raw_metric(self) -> object:
        return self.get("metric")

    @property
    def raw_benchmark(self) -> object:
        return self.get("benchmark")

    @property
    def raw_date(self) -> object:
        return self.get("date")

    @property
    def date(self) -> _dt.date | None:
        return r.as_date(self.get("date"))

    @property
    def raw_value(self) -> object:
        return self.get("value")

    @property
    def has_value(self) -> bool:
        """`value` is written (whatever it holds): findings about the result point at it."""
        return "value" in self.data

    @property
    def has_n(self) -> bool:
        return "n" in self.data

    @property
    def raw_baseline(self) -> object:
        """The baseline as written; None when absent or an explicit null."""
        return self.get("baseline")

    @property
    def baseline_without_value(self) -> bool:
        """The baseline is a mapping with no `value` key."""
        baseline = self.get("baseline")
        return isinstance(baseline, Mapping) and "value" not in baseline

    @property
    def slice(self) -> str | None:
        value = self.get("slice")
        return str(value) if isinstance(value, (str, int, float)) and not isinstance(value, bool) else None

    @property
    def metric(self) -> str | None:
        value = self.get("metric")
        return value if r.has_text(value) else None

    @property
    def value(self) -> float | None:
        return self.number("value")

    @property
    def result_kind(self) -> str | None:
        return self.word("result_kind")

    @property
    def higher_is_better(self) -> bool | None:
        return r.as_bool(self.get("higher_is_better"))

    @property
    def baseline_value(self) -> float | None:
        return r.as_number(r.mapping(self.get("baseline")).get("value"))

    @property
    def baseline_label(self) -> str | None:
        """What the baseline is: its slice, else its description."""
        baseline = r.mapping(self.get("baseline"))
        return r.as_text(baseline.get("slice")) or r.as_text(baseline.get("description"))

    #: The fields of an evaluation that exports copy, and its nested objects.
    RECORD: ClassVar[tuple[str, ...]] = ("axis", "slice", "description", "metric", "value", "n", "higher_is_better",
                                         "result_kind", "date")
    NESTED: ClassVar[tuple[str, ...]] = ("baseline", "benchmark", "model", "ci")

    def as_record(self) -> dict[str, Any]:
        """The evaluation as plain JSON (for exports)."""
        record = r.plain_record(self.data, self.RECORD)
        for nested in self.NESTED:
            value = {str(k): plain for k, v in r.mapping(self.get(nested)).items()
                     if (plain := r.plain(v)) is not None}
            if value:
                record[nested] = value
        return record


def _tail(index: int, data: Mapping[str, Any], path: Path_) -> TailEvaluationView:
    return TailEvaluationView(data, path, index)


class ContaminationCheckView(_Node):
    __slots__ = ()

    @property
    def method(self) -> str | None:
        value = self.get("method")
        return value if r.has_text(value) else None

    @property
    def has_result(self) -> bool:
        return r.has_text(self.get("result")) or self.number("overlap_rate") is not None

    @property
    def parts(self) -> list[str]:
        return r.strings(self.get("parts"))

    @property
    def benchmarks(self) -> list[str]:
        return r.texts(self.get("benchmarks"))

    @property
    def method_text(self) -> str | None:
        return r.as_text(self.get("method"))

    @property
    def result(self) -> str | None:
        return r.as_text(self.get("result"))

    @property
    def action(self) -> str | None:
        return r.as_text(self.get("action"))

    #: The fields of a check that exports copy.
    RECORD: ClassVar[tuple[str, ...]] = ("benchmarks", "method", "tool", "result", "action", "overlap_rate", "parts",
                                         "date", "items_removed")

    def as_record(self) -> dict[str, Any]:
        """The check as plain JSON (for exports)."""
        return r.plain_record(self.data, self.RECORD)


def _check(index: int, data: Mapping[str, Any], path: Path_) -> ContaminationCheckView:
    return ContaminationCheckView(data, path, index)


class WaiverView(_Node):
    __slots__ = ()

    @property
    def rule(self) -> str | None:
        return self.text("rule")

    @property
    def has_rule(self) -> bool:
        """`rule` is written (whatever it holds)."""
        return "rule" in self.data

    @property
    def reason(self) -> str | None:
        return self.text("reason")

    @property
    def parts(self) -> tuple[str, ...] | None:
        """Part ids the waiver is limited to; None when it applies to the whole card."""
        if "parts" not in self.data:
            return None
        return tuple(r.strings(self.get("parts")))


def _waiver(index: int, data: Mapping[str, Any], path: Path_) -> WaiverView:
    return WaiverView(data, path, index)


class StatementView(_Node):
    __slots__ = ()
    @property
    def by(self) -> str | None:
        return self.word("by")

    @property
    def author(self) -> str | None:
        return self.text("author")

    @property
    def sources(self) -> list[str]:
        return r.strings(self.get("sources"))


class DatasetView(_Node):
    __slots__ = ()
    @property
    def hub_id(self) -> str | None:
        return self.text("hub_id")

    @property
    def role(self) -> str | None:
        return self.word("role")

    @property
    def size(self) -> Fact[Mapping[str, Any]]:
        return read_fact(self.data, "size", self.path, lambda v: r.as_mapping(v) or None)


@dataclass(frozen=True, slots=True)
class GovernanceView:
    """The `governance` block of a card's metadata; an empty view when there is none."""

    metadata: Mapping[Any, Any]

    @classmethod
    def of(cls, metadata: object) -> GovernanceView:
        return cls(metadata if isinstance(metadata, Mapping) else {})

    @property
    def present(self) -> bool:
        return isinstance(self.metadata.get(GOVERNANCE_KEY), Mapping)

    @property
    def data(self) -> Mapping[str, Any]:
        return r.mapping(self.metadata.get(GOVERNANCE_KEY))

    @property
    def path(self) -> Path_:
        return G

    def section(self, name: str) -> Mapping[str, Any] | None:
        return r.as_mapping(self.data.get(name))

    @property
    def schema_version(self) -> object:
        """`schema_version` as written (a string such as "1.1"; YAML may make it a number)."""
        return self.data.get("schema_version")

    def items(self, name: str) -> list[tuple[int, Mapping[str, Any]]]:
        """Mapping entries of a top-level list such as `tail_evaluations`."""
        return list(r.entries(self.data.get(name)))

    @property
    def parts(self) -> list[PartView]:
        return _nodes(_part, self.data.get("parts"), (*G, "parts"))

    @property
    def parts_listed(self) -> bool:
        """`parts` is a list (whatever its entries)."""
        return isinstance(self.data.get("parts"), list)

    @property
    def parts_all_mappings(self) -> bool:
        """`parts` is a non-empty list of mappings only, so sums over the parts are whole."""
        raw = self.data.get("parts")
        return isinstance(raw, list) and bool(raw) and all(isinstance(item, Mapping) for item in raw)

    @property
    def synthetic_parts(self) -> list[PartView]:
        return [p for p in self.parts if p.synthetic]

    @property
    def renewal(self) -> RenewalView | None:
        value = self.section("renewal")
        return None if value is None else RenewalView(value, (*G, "renewal"))

    @property
    def raw_tail_evaluations(self) -> object:
        """`tail_evaluations` as written (None when absent), to tell a missing list from an empty one."""
        return self.data.get("tail_evaluations")

    @property
    def tail_evaluations(self) -> list[TailEvaluationView]:
        return _nodes(_tail, self.data.get("tail_evaluations"), (*G, "tail_evaluations"))

    @property
    def contamination_checks(self) -> list[ContaminationCheckView]:
        return _nodes(_check, self.data.get("contamination_checks"), (*G, "contamination_checks"))

    @property
    def processing(self) -> list[ProcessingView]:
        return _nodes(_processing, self.data.get("processing"), (*G, "processing"))

    @property
    def waivers(self) -> list[WaiverView]:
        return _nodes(_waiver, self.data.get("waivers"), (*G, "waivers"))

    @property
    def statement(self) -> StatementView | None:
        value = self.section("statement")
        return None if value is None else StatementView(value, (*G, "statement"))

    @property
    def renewal_written(self) -> bool:
        """`renewal` is written (whatever it holds)."""
        return "renewal" in self.data

    @property
    def dataset(self) -> DatasetView | None:
        value = self.section("dataset")
        return None if value is None else DatasetView(value, (*G, "dataset"))

    @property
    def not_applicable_table(self) -> Mapping[str, Any] | None:
        """`not_applicable` as written, when it is a mapping."""
        return self.section("not_applicable")

    @property
    def not_applicable(self) -> Mapping[str, Any]:
        """Requirements declared not applicable, mapped to what was given as the reason."""
        return r.mapping(self.data.get("not_applicable"))

    def is_not_applicable(self, requirement: str) -> bool:
        """Declared not applicable (whether or not a reason was given)."""
        return requirement in self.not_applicable

    def grounded_share(self) -> float | None:
        """The dataset's grounded share computed from its parts (and their components):
        Σ share × grounded share; None when a share or a part's grounding is unknown."""
        parts = self.parts
        if not parts:
            return None
        total = 0.0
        for part in parts:
            share, grounded = part.share.value, part.grounded_share()
            if share is None or grounded is None:
                return None
            total += share * grounded
        return min(total, 1.0)
