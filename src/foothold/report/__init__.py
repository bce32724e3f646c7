"""The HTML report: one self-contained page an analyst can open, read, print and share.

Example::

    >>> from foothold.report import write_report
    >>> write_report("report.html", case=case, evidence=evidence, assessment=assessment)  # doctest: +SKIP

See :func:`render_report` for the contents.  Every string from documents and
evidence is escaped; charts are Vega-Lite specs drawn by an inlined vega-embed
bundle, and the page loads nothing from the network.
"""

from __future__ import annotations

from .html import render_report, write_report

__all__ = ["render_report", "write_report"]
