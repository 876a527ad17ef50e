"""Small things every layer above ``api/`` shares, each defined once: the constants
(``constants``), the plugin's folders (``folders``), the colours (``colours``), one
``notify()`` for the log plus the message bar (``notify``), the sentence a user reads for an
error (``messages``) and numbers as the user writes them (``formatting``).

``constants`` and ``colours`` are plain Python; the rest need QGIS. ``api/`` never imports the
toolbelt (it knows nothing of the plugin around it).
"""
