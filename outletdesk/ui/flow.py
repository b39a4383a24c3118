"""A row of pickers and buttons that wraps onto further rows when the window is narrow."""

from __future__ import annotations

from PySide6.QtCore import QMargins, QPoint, QRect, QSize, Qt
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLayout,
    QLayoutItem,
    QSizePolicy,
    QStyle,
    QWidget,
)


class FlowLayout(QLayout):
    """Items left to right at their preferred widths, wrapping to a new row where the width
    ends; what a row has spare goes to its horizontally expanding items (a search box, or a
    `spring()` that pushes the items after it to the right). At 1280 pixels a page's toolbar
    is one row as before; on a 1024-pixel counter screen it takes two, rather than making the
    window wider than the screen."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setContentsMargins(0, 0, 0, 0)

    def spring(self, parent: QWidget) -> QWidget:
        """An empty expanding widget: the items after it go to the right of their row."""
        spacer = QWidget(parent)
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        spacer.setFixedHeight(0)
        self.addWidget(spacer)
        return spacer

    # ------------------------------------------------------------ QLayout

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 - Qt override
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # type: ignore[override]  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def expandingDirections(self) -> Qt.Orientation:  # noqa: N802
        return Qt.Orientation.Horizontal

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._arrange(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._arrange(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        """All on one row."""
        shown = self._shown()
        width = sum(i.sizeHint().width() for i in shown) + self._gap() * max(len(shown) - 1, 0)
        height = max((i.sizeHint().height() for i in shown), default=0)
        return QSize(width, height) + _margins_size(self.contentsMargins())

    def minimumSize(self) -> QSize:  # noqa: N802
        """As narrow as the widest single item; as high as one row (the rest by heightForWidth)."""
        size = QSize()
        for item in self._shown():
            size = size.expandedTo(item.minimumSize())
        return size + _margins_size(self.contentsMargins())

    # ------------------------------------------------------------ layout

    def _shown(self) -> list[QLayoutItem]:
        return [i for i in self._items if not i.isEmpty()]

    def _gap(self) -> int:
        gap = self.spacing()
        if gap >= 0:
            return gap
        parent = self.parentWidget()
        style = parent.style() if parent is not None else None
        metric = style.pixelMetric(QStyle.PixelMetric.PM_LayoutHorizontalSpacing) if style else -1
        return metric if metric >= 0 else 6

    def _arrange(self, rect: QRect, *, move: bool) -> int:
        """Place the items in rows inside `rect` (when `move`); the height they take."""
        margins = self.contentsMargins()
        area = rect.marginsRemoved(margins)
        gap = self._gap()
        rows: list[list[QLayoutItem]] = [[]]
        used = 0
        for item in self._shown():
            width = item.sizeHint().width()
            if rows[-1] and used + gap + width > area.width():
                rows.append([])
                used = 0
            used += (gap if rows[-1] else 0) + width
            rows[-1].append(item)
        y = area.y()
        for row in rows:
            if not row:
                continue
            height = max(i.sizeHint().height() for i in row)
            natural = [i.sizeHint().width() for i in row]
            spare = area.width() - sum(natural) - gap * (len(row) - 1)
            growing = [
                n for n, i in enumerate(row) if i.expandingDirections() & Qt.Orientation.Horizontal
            ]
            widths = list(natural)
            if spare > 0 and growing:
                share, extra = divmod(spare, len(growing))
                for k, n in enumerate(growing):
                    widths[n] += share + (1 if k < extra else 0)
            elif spare < 0:  # one item wider than the row: it shrinks towards its minimum
                for n, item in enumerate(row):
                    widths[n] = max(item.minimumSize().width(), widths[n] + spare)
                    spare = 0
            x = area.x()
            if move:
                for item, width in zip(row, widths, strict=True):
                    item_height = min(height, max(item.sizeHint().height(), 0))
                    top = y + (height - item_height) // 2
                    item.setGeometry(QRect(QPoint(x, top), QSize(width, item_height)))
                    x += width + gap
            y += height + gap
        return y - gap - area.y() + margins.top() + margins.bottom() if rows[0] else 0


def _margins_size(margins: QMargins) -> QSize:
    return QSize(margins.left() + margins.right(), margins.top() + margins.bottom())


def together(parent: QWidget, *widgets: QWidget) -> QWidget:
    """Widgets that wrap as one (a label and the picker or dates it names)."""
    group = QWidget(parent)
    row = QHBoxLayout(group)
    row.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        row.addWidget(widget)
    return group
