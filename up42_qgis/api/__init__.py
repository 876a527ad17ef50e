"""Qt-free: requests, shapely and the standard library only.

- ``client``: ``Up42Client``, every call the plugin makes (one per configuration, shared).
- ``endpoints``: regions, custom origins, ``UP42_*`` environment overrides.
- ``http`` / ``http_errors``: the one request wrapper (proxy, CA, timeouts, retries, 401)
  and the mapping of any error body to ``errors``.
- ``auth``: password grant, renewal, thread-safe.
- ``catalog``, ``orders``, ``storage``: the calls, by contract section.
- ``aoi``: AOI checks and geodesic area; ``download`` / ``archive``: resumable downloads and
  safe ZIP extraction.
"""
