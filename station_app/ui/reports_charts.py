"""Charts for the Reports page drawn with QPainter (PySide6-Essentials has no QtCharts):
horizontal bars, a line of daily figures, and a gauge of new members against the target.
They paint the same offscreen, so screenshots and tests see what users see."""

from __future__ import annotations

import itertools
import math

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QSizePolicy, QWidget

ACCENT = QColor(47, 111, 171)
ACCENT_LIGHT = QColor(47, 111, 171, 40)
GRID = QColor(215, 215, 215)
TEXT = QColor(60, 60, 60)
DONE = QColor(46, 139, 87)


class _Chart(QWidget):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.title = title
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(QSize(240, 200))
        self.setAutoFillBackground(True)
        pal = self.palette()
        pal.setColor(self.backgroundRole(), QColor("white"))
        self.setPalette(pal)

    def _painter(self) -> QPainter:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        font = QFont(self.font())
        font.setBold(True)
        p.setFont(font)
        p.setPen(TEXT)
        p.drawText(QRectF(8, 4, self.width() - 16, 22), Qt.AlignmentFlag.AlignLeft
                   | Qt.AlignmentFlag.AlignVCenter, self.title)
        p.setFont(self.font())
        return p


class BarChart(_Chart):
    """Horizontal bars, one per label, value printed at the end of each bar."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.items: list[tuple[str, int]] = []

    def set_items(self, items: list[tuple[str, int]]) -> None:
        self.items = items
        self.update()

    def paintEvent(self, event: object) -> None:
        p = self._painter()
        items = self.items or [("—", 0)]
        fm = p.fontMetrics()
        label_w = min(max(fm.horizontalAdvance(label) for label, _ in items) + 10,
                      self.width() // 3)
        value_w = fm.horizontalAdvance(f"{max(v for _, v in items):,}") + 10
        top, bottom = 30.0, self.height() - 8.0
        row_h = (bottom - top) / len(items)
        peak = max(max(v for _, v in items), 1)
        span = self.width() - 16 - label_w - value_w
        for i, (label, value) in enumerate(items):
            y = top + i * row_h
            p.setPen(TEXT)
            p.drawText(QRectF(8, y, label_w - 6, row_h), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, label)
            bar = QRectF(8 + label_w, y + row_h * 0.18, span * value / peak, row_h * 0.64)
            p.fillRect(bar, ACCENT)
            p.drawText(QRectF(bar.right() + 4, y, value_w, row_h), Qt.AlignmentFlag.AlignLeft
                       | Qt.AlignmentFlag.AlignVCenter, f"{value:,}")
        p.end()


class LineChart(_Chart):
    """A line of daily values with the area under it, dated at a few ticks."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.points: list[tuple[str, int]] = []

    def set_points(self, points: list[tuple[str, int]]) -> None:
        self.points = points
        self.update()

    def paintEvent(self, event: object) -> None:
        p = self._painter()
        fm = p.fontMetrics()
        values = [v for _, v in self.points] or [0]
        peak = max(max(values), 1)
        left = fm.horizontalAdvance(f"{peak:,}") + 14.0
        top, bottom, right = 34.0, self.height() - fm.height() - 10.0, self.width() - 12.0
        p.setPen(QPen(GRID, 1))
        for k in range(5):
            y = bottom - (bottom - top) * k / 4
            p.drawLine(QPointF(left, y), QPointF(right, y))
            p.setPen(TEXT)
            p.drawText(QRectF(0, y - 8, left - 6, 16), Qt.AlignmentFlag.AlignRight
                       | Qt.AlignmentFlag.AlignVCenter, f"{round(peak * k / 4):,}")
            p.setPen(QPen(GRID, 1))
        n = len(self.points)
        if n:
            step = (right - left) / max(n - 1, 1)
            pts = [QPointF(left + i * step, bottom - (bottom - top) * v / peak)
                   for i, v in enumerate(values)]
            area = QPainterPath(QPointF(pts[0].x(), bottom))
            for pt in pts:
                area.lineTo(pt)
            area.lineTo(QPointF(pts[-1].x(), bottom))
            p.fillPath(area, ACCENT_LIGHT)
            p.setPen(QPen(ACCENT, 2))
            for a, b in itertools.pairwise(pts):
                p.drawLine(a, b)
            if n <= 62:
                p.setBrush(ACCENT)
                for pt in pts:
                    p.drawEllipse(pt, 2.5, 2.5)
            p.setPen(TEXT)
            every = max(1, math.ceil(n / 8))
            for i in range(0, n, every):
                label = self.points[i][0]
                w = fm.horizontalAdvance(label)
                p.drawText(QPointF(left + i * step - w / 2, self.height() - 6), label)
        p.end()


class Gauge(_Chart):
    """A half-ring showing new members to date against the yearly target."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(title, parent)
        self.value = 0
        self.target: int | None = None
        self.caption = ""
        self.no_target = ""
        self.setMinimumHeight(self.minimumSizeHint().height())

    def set_value(self, value: int, target: int | None, caption: str, no_target: str) -> None:
        self.value, self.target, self.caption, self.no_target = value, target, caption, no_target
        self.update()

    def layout_rects(self) -> tuple[QRectF, QRectF]:
        """The ring's bounding square and the caption's box under it. The ring gets what is
        left once the two lines under it have the height the font needs (a fixed guess cut the
        caption off at the bottom in a short window)."""
        fm = self.fontMetrics()
        w, h = self.width(), self.height()
        wrap = fm.boundingRect(QRect(0, 0, max(w - 16, 1), 10_000),
                               Qt.TextFlag.TextWordWrap, self.caption or " ")
        below = fm.height() + wrap.height() + 6.0
        size = max(min(w - 40.0, (h - 40.0 - below) * 2), 40.0)
        ring = QRectF((w - size) / 2, 40, size, size)
        caption = QRectF(8, ring.center().y() + fm.height(), w - 16, wrap.height())
        return ring, caption

    def minimumSizeHint(self) -> QSize:
        # Title, a ring at least 60 px high, the figures line and a caption on one line.
        return QSize(240, max(200, 40 + 60 + 2 * self.fontMetrics().height() + 6))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.FontChange:
            self.setMinimumHeight(self.minimumSizeHint().height())
        super().changeEvent(event)

    def paintEvent(self, event: object) -> None:
        p = self._painter()
        w = self.width()
        ring, caption = self.layout_rects()
        size = ring.width()
        thick = max(size / 9, 8)
        # The pen is centred on the arc: inset by half its width so nothing is clipped.
        rect = ring.adjusted(thick / 2, thick / 2, -thick / 2, -thick / 2)
        p.setPen(QPen(GRID, thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawArc(rect, 180 * 16, -180 * 16)
        share = min(self.value / self.target, 1.0) if self.target else 0.0
        color = DONE if share >= 1 else ACCENT
        p.setPen(QPen(color, thick, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap))
        p.drawArc(rect, 180 * 16, -round(180 * 16 * share))
        big = QFont(self.font())
        big.setPointSizeF(self.font().pointSizeF() * 1.8)
        big.setBold(True)
        p.setFont(big)
        p.setPen(TEXT)
        centre = rect.center().y()
        text = f"{share * 100:.1f}%" if self.target else f"{self.value:,}"
        big_h = p.fontMetrics().height()
        p.drawText(QRectF(0, centre - big_h - 4, w, big_h), Qt.AlignmentFlag.AlignCenter, text)
        p.setFont(self.font())
        sub = (f"{self.value:,} / {self.target:,}" if self.target else self.no_target)
        p.drawText(QRectF(0, centre, w, caption.top() - centre), Qt.AlignmentFlag.AlignCenter,
                   sub)
        p.drawText(caption, Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                   | Qt.TextFlag.TextWordWrap, self.caption)
        p.end()
