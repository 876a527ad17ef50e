"""The plugin's constants, each once. Plain Python: no QGIS, no Qt."""

from __future__ import annotations

# The tag of the plugin's tab in the QGIS log panel.
LOG_TAG = "UP42"
# The layer-tree group every layer the plugin adds goes into (footprints, quicklooks, rasters).
LAYER_GROUP_NAME = "UP42"
# Footprints, AOIs and search geometries: GeoJSON's (and the catalog's) CRS.
WGS84 = "EPSG:4326"

# The plugin's folder inside the QGIS profile (footprints, quicklooks, CA bundle, state).
DATA_DIR_NAME = "up42"
# The default download folder's name, in the home folder (or the data folder without one).
DOWNLOAD_FOLDER_NAME = "UP42 downloads"

# Scenes per catalog page: the dock's default, the catalog's `limit` range (contract §5.2)
# and the page Processing asks for.
DEFAULT_PAGE_SIZE = 50
MAX_PAGE_SIZE = 500
PROCESSING_PAGE_SIZE = 100

# The contract's floor: UP42 must not be polled harder than this (dock tracker and Processing).
MIN_POLL_INTERVAL_S = 5
DEFAULT_POLL_INTERVAL_S = 60
