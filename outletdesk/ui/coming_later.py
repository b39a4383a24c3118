"""Pages whose features arrive in later versions say so plainly, with no made-up data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ComingLaterPage(QWidget):
    def __init__(self, title: str, summary: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        heading = QLabel(title)
        heading.setObjectName("pageTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: 600;")
        layout.addWidget(heading)
        notice = QLabel(
            self.tr("Coming in a later version. This page holds no data yet.") + "\n\n" + summary
        )
        notice.setWordWrap(True)
        notice.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        notice.setStyleSheet("color: #555; font-size: 14px;")
        layout.addWidget(notice)
        layout.addStretch(1)
