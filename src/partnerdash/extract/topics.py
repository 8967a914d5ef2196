"""Topics (many per item) and kind (one per item) from the taxonomy's keywords."""

from __future__ import annotations

from collections import Counter

from partnerdash.extract.keywords import Taxonomy, default_taxonomy, matching, words

DEFAULT_KIND = "news"
# A hit in the title says more about what an item is than one in its text.
TITLE_WEIGHT = 3


def topics(text: str, taxonomy: Taxonomy | None = None) -> list[str]:
    taxonomy = taxonomy or default_taxonomy()
    return matching(taxonomy.topics, taxonomy.topic_index.counts(words(text), text))


def kind(title: str, text: str, taxonomy: Taxonomy | None = None) -> str:
    return topics_and_kind(title, None, text, taxonomy)[1]


def topics_and_kind(
    title: str, caption: str | None, summary: str, taxonomy: Taxonomy | None = None
) -> tuple[list[str], str]:
    """Both at once: each field is split into words once (the costly part), for both."""
    taxonomy = taxonomy or default_taxonomy()
    title_words, summary_words = words(title), words(summary)
    text = "\n".join(part for part in (title, caption, summary) if part)
    every_word = title_words + words(caption or "") + summary_words
    found = matching(taxonomy.topics, taxonomy.topic_index.counts(every_word, text))
    index = taxonomy.kind_index
    return found, _best_kind(taxonomy, index.counts(title_words, title), index.counts(summary_words, summary))


def _best_kind(taxonomy: Taxonomy, in_title: Counter[int], in_text: Counter[int]) -> str:
    best, best_score = DEFAULT_KIND, 0
    for number, label in enumerate(taxonomy.kinds):
        score = TITLE_WEIGHT * in_title[number] + in_text[number]
        if score > best_score:
            best, best_score = label.key, score
    return best
