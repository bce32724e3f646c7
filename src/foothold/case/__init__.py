"""The case as data: hypotheses, indicators, sectors, units and actors.

A case is a YAML file (the default ships in ``foothold/data``) loaded into typed,
validated objects by :func:`load_case`.  Nothing is read at import time; the
default case is cached after its first load.

Example::

    >>> from foothold.case import default_case
    >>> case = default_case()
    >>> [h.id for h in case.hypotheses]
    ['h_foothold', 'h_labour_export', 'h_stall']
"""

from __future__ import annotations

import functools
import math
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

__all__ = [
    "Actor",
    "Case",
    "CaseError",
    "Hypothesis",
    "Indicator",
    "Sector",
    "default_case",
    "load_case",
    "DEFAULT_CASE_RESOURCE",
]

DEFAULT_CASE_RESOURCE = "case-dprk-russia-foothold.yaml"
POLARITIES = ("positive", "negative")
ACTOR_TYPES = ("country", "organization", "company", "person", "place")
ADMIRALTY_RELIABILITY = ("A", "B", "C", "D", "E", "F")


class CaseError(ValueError):
    """A case file that cannot be read or does not validate; the message names file and field."""


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Hypothesis(_Strict):
    """One of the case's mutually exclusive hypotheses, with its prior probability (0-1)."""

    id: str
    label: str
    statement: str
    prior: float = Field(gt=0.0, lt=1.0)


class Indicator(_Strict):
    """A kind of evidence, with ``likelihood[polarity][hypothesis_id]`` = P(evidence | hypothesis).

    The likelihoods are probabilities in (0, 1]; only their ratios between
    hypotheses move a posterior (see docs/method.md).
    """

    id: str
    label: str
    description: str
    likelihood: dict[Literal["positive", "negative"], dict[str, float]]

    @field_validator("likelihood")
    @classmethod
    def _probabilities(cls, value: dict[str, dict[str, float]]) -> dict[str, dict[str, float]]:
        for polarity, table in value.items():
            for hyp, p in table.items():
                if not (0.0 < p <= 1.0) or math.isnan(p):
                    raise ValueError(f"likelihood {polarity}.{hyp} must be in (0, 1], got {p}")
        return value


class Sector(_Strict):
    """A sector id; ``target`` marks the seed's car, phone and electronics assembly."""

    id: str
    label: str
    target: bool = False


class Actor(_Strict):
    """A canonical actor with aliases in any language.

    ``source`` marks bodies that reports attribute information to, and
    ``reliability`` is their default Admiralty reliability grade (A-F).
    """

    name: str
    type: Literal["country", "organization", "company", "person", "place"]
    aliases: list[str] = Field(default_factory=list)
    source: bool = False
    reliability: Literal["A", "B", "C", "D", "E", "F"] | None = None


class Case(_Strict):
    """A whole analytic frame.  Build one with :func:`load_case`."""

    id: str
    title: str
    question: str
    horizon: str
    seed_published: str | None = None
    hypotheses: list[Hypothesis]
    indicators: list[Indicator]
    sectors: list[Sector]
    units: list[str]
    actors: list[Actor] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Case:
        hyp_ids = [h.id for h in self.hypotheses]
        if len(hyp_ids) < 2:
            raise ValueError("a case needs at least two hypotheses")
        if len(set(hyp_ids)) != len(hyp_ids):
            raise ValueError(f"duplicate hypothesis ids: {hyp_ids}")
        total = sum(h.prior for h in self.hypotheses)
        if abs(total - 1.0) > 1e-6:
            raise ValueError(f"hypothesis priors must sum to 1, they sum to {total:.6f}")
        ind_ids = [i.id for i in self.indicators]
        if len(set(ind_ids)) != len(ind_ids):
            raise ValueError("duplicate indicator ids")
        for ind in self.indicators:
            for polarity, table in ind.likelihood.items():
                missing = set(hyp_ids) - set(table)
                extra = set(table) - set(hyp_ids)
                if missing or extra:
                    raise ValueError(
                        f"indicator {ind.id} likelihood.{polarity}: "
                        f"missing {sorted(missing)} unknown {sorted(extra)}"
                    )
        sector_ids = [s.id for s in self.sectors]
        if len(set(sector_ids)) != len(sector_ids):
            raise ValueError("duplicate sector ids")
        return self

    # -- lookups ---------------------------------------------------------
    @property
    def hypothesis_ids(self) -> list[str]:
        """Hypothesis ids in file order."""
        return [h.id for h in self.hypotheses]

    @property
    def indicator_ids(self) -> list[str]:
        """Indicator ids in file order."""
        return [i.id for i in self.indicators]

    @property
    def sector_ids(self) -> list[str]:
        """Sector ids in file order."""
        return [s.id for s in self.sectors]

    def hypothesis(self, hyp_id: str) -> Hypothesis:
        """The hypothesis with this id; raises KeyError."""
        for h in self.hypotheses:
            if h.id == hyp_id:
                return h
        raise KeyError(hyp_id)

    def indicator(self, ind_id: str) -> Indicator:
        """The indicator with this id; raises KeyError."""
        for i in self.indicators:
            if i.id == ind_id:
                return i
        raise KeyError(ind_id)

    def likelihoods(self, ind_id: str, polarity: str) -> dict[str, float]:
        """P(evidence | h) for each hypothesis; neutral (all equal) when the case gives none."""
        table = self.indicator(ind_id).likelihood.get(polarity)  # type: ignore[call-overload]
        if not table:
            return {h: 1.0 for h in self.hypothesis_ids}
        return dict(table)

    def actor(self, name: str) -> Actor | None:
        """The actor whose canonical name is ``name`` (exact), or None."""
        for a in self.actors:
            if a.name == name:
                return a
        return None

    def with_priors(self, priors: dict[str, float]) -> Case:
        """A copy with some priors replaced and all renormalised to sum to 1.

        Raises CaseError for an unknown hypothesis id or a prior outside (0, 1).
        """
        unknown = set(priors) - set(self.hypothesis_ids)
        if unknown:
            raise CaseError(f"unknown hypothesis in priors: {sorted(unknown)}")
        raw = {h.id: priors.get(h.id, h.prior) for h in self.hypotheses}
        if any(not (0.0 < p < 1.0) for p in raw.values()):
            raise CaseError(f"priors must be in (0, 1): {raw}")
        total = sum(raw.values())
        hyps = [h.model_copy(update={"prior": raw[h.id] / total}) for h in self.hypotheses]
        return self.model_copy(update={"hypotheses": hyps})


def _format_validation_error(source: str, exc: ValidationError) -> str:
    lines = [f"{source}: invalid case file"]
    for err in exc.errors():
        where = ".".join(str(p) for p in err["loc"]) or "(top level)"
        lines.append(f"  {where}: {err['msg']}")
    return "\n".join(lines)


def parse_case(text: str, source: str = "<case>") -> Case:
    """Parse and validate a case from YAML text.

    Raises:
        CaseError: the YAML is malformed or a field fails validation; the
            message names ``source`` and the offending field.
    """
    try:
        data = yaml.safe_load(text)
    except yaml.YAMLError as exc:
        raise CaseError(f"{source}: not valid YAML: {exc}") from None
    if not isinstance(data, dict):
        raise CaseError(f"{source}: a case file must be a YAML mapping")
    try:
        return Case.model_validate(data)
    except ValidationError as exc:
        raise CaseError(_format_validation_error(source, exc)) from None


def load_case(path: str | Path | None = None) -> Case:
    """Load a case file; ``None`` loads the default case shipped with foothold.

    Raises:
        CaseError: the file cannot be read or does not validate.
    """
    if path is None:
        return default_case()
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CaseError(f"{path}: cannot read case file: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise CaseError(f"{path}: case file is not UTF-8 text") from None
    return parse_case(text, str(path))


@functools.lru_cache(maxsize=1)
def default_case() -> Case:
    """The default case (DPRK-Russia industrial foothold), loaded once and cached."""
    text = resources.files("foothold").joinpath("data", DEFAULT_CASE_RESOURCE).read_text("utf-8")
    return parse_case(text, f"foothold/data/{DEFAULT_CASE_RESOURCE}")
