"""UP42 for QGIS. QGIS calls classFactory; nothing else happens at import time."""


def classFactory(iface):
    from .plugin import Up42Plugin

    return Up42Plugin(iface)
