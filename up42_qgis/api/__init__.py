"""Qt-free: requests, shapely and the standard library only."""
