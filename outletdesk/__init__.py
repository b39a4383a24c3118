"""OutletDesk: desktop software for repair and service outlets."""

__version__ = "0.1.0"
