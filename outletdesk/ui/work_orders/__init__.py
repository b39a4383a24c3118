"""The work-order screens: the list (ids and pages at any size), and more as they land."""

from __future__ import annotations

from .list_model import WorkOrderListModel

__all__ = ["WorkOrderListModel"]
