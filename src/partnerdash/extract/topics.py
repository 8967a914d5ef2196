"""Topics (many per item) and kind (one per item) from the taxonomy's keywords."""

from __future__ import annotations

from partnerdash.extract.keywords import Taxonomy, default_taxonomy

DEFAULT_KIND = "news"
# A hit in the title says more about what an item is than one in its text.
TITLE_WEIGHT = 3


def topics(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    taxonomy = taxonomy or default_taxonomy()
    return [label.key for label in taxonomy.topics if label.pattern.search(text)]


def kind(title: str, text: str, taxonomy: Taxonomy | None = None) -> str:
    taxonomy = taxonomy or default_taxonomy()
    best, best_score = DEFAULT_KIND, 0
    for label in taxonomy.kinds:
        score = TITLE_WEIGHT * label.count(title) + label.count(text)
        if score > best_score:
            best, best_score = label.key, score
    return best
