"""Topics (many per item) and kind (one per item) from the taxonomy's keywords."""

from __future__ import annotations

from partnerdash.extract.keywords import Taxonomy, default_taxonomy, matching, words

DEFAULT_KIND = "news"
# A hit in the title says more about what an item is than one in its text.
TITLE_WEIGHT = 3


def topics(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    taxonomy = taxonomy or default_taxonomy()
    return matching(taxonomy.topics, taxonomy.topic_index.counts(words(text), text))


def kind(title: str, text: str, taxonomy: Taxonomy | None = None) -> str:
    taxonomy = taxonomy or default_taxonomy()
    index = taxonomy.kind_index
    in_title = index.counts(words(title), title)
    in_text = index.counts(words(text), text)
    best, best_score = DEFAULT_KIND, 0
    for number, label in enumerate(taxonomy.kinds):
        score = TITLE_WEIGHT * in_title[number] + in_text[number]
        if score > best_score:
            best, best_score = label.key, score
    return best
