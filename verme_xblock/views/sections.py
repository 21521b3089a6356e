"""A section of the learner view that one capability contributes."""
from dataclasses import dataclass, field


@dataclass(frozen=True)
class Section:
    template: str
    context: dict = field(default_factory=dict)
    js: tuple[str, ...] = ()
