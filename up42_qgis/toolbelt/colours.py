"""The plugin's colours, one home: status texts, error labels, rubber bands. Hex strings (and
RGBA tuples), so this stays plain Python; widgets build their QColor from them."""

from __future__ import annotations

ERROR = "#b3261e"  # failed orders, refused estimates, budget warnings, form errors
SUCCESS = "#1b6e20"  # fulfilled orders, a working connection
MUTED = "#6b6b6b"  # closed orders and secondary text

ERROR_STYLE = f"color: {ERROR};"  # a QLabel's style sheet for an error text
SUCCESS_STYLE = f"color: {SUCCESS};"

AOI_RGB = (31, 120, 180)  # the AOI outline on the canvas
AOI_FILL_ALPHA = 30
SKETCH_RGB = (255, 0, 110)  # the polygon being drawn
SKETCH_FILL_ALPHA = 40
