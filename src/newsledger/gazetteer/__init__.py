"""Offline gazetteer: :func:`get_gazetteer` returns a shared :class:`Gazetteer`.

>>> g = get_gazetteer()                       # doctest: +SKIP
>>> g.lookup("Kiev")[0].name                  # doctest: +SKIP
'Kyiv'
"""

from .core import (CountryInfo, Entry, Gazetteer, cache_dir, get_gazetteer, haversine_km,
                   importance, index_path, normalize, small_land, sovereign)

__all__ = ["CountryInfo", "Entry", "Gazetteer", "cache_dir", "get_gazetteer", "haversine_km",
           "importance", "index_path", "normalize", "small_land", "sovereign"]
