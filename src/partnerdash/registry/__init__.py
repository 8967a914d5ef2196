"""The partnership network: a registry of known partnerships joined with news activity.

``load_registry`` reads and resolves a registry file; ``join_news`` matches the
news tables (events, places, partnerships) to it. Pure functions over frames whose
columns are declared in :mod:`partnerdash.schema` (REGISTRY, LINKS, UNREGISTERED).
"""

from partnerdash.registry.join import Network, join_news
from partnerdash.registry.load import Registry, disagreements, load_registry, unresolved

__all__ = ["Network", "Registry", "disagreements", "join_news", "load_registry", "unresolved"]
