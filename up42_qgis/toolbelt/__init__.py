"""Small things every layer above ``api/`` shares, each defined once: the constants
(``constants``), the plugin's folders (``folders``), the colours (``colours``) and one
``notify()`` for the log plus the message bar (``notify``).

``constants`` and ``colours`` are plain Python; ``folders`` and ``notify`` need QGIS. ``api/``
never imports the toolbelt (it knows nothing of the plugin around it).
"""
