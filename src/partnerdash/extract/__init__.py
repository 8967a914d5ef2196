"""Extraction: what each raw item says — its date, language, topics, kind, places, pairs."""
