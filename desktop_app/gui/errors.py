"""One way to show an error: domain errors as they are, anything else as a logged apology."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMessageBox, QWidget

from desktop_app.common.errors import DomainError

log = logging.getLogger(__name__)


def error_text(exc: BaseException) -> str:
    from desktop_app.safety.storage import storage_error

    exc = storage_error(exc) or exc
    if isinstance(exc, DomainError):
        return str(exc)
    log.error("unexpected error", exc_info=(type(exc), exc, exc.__traceback__))
    return ("Maaf, terjadi kesalahan yang tidak terduga. Data Anda tidak berubah. "
            f"Rincian teknis: {type(exc).__name__}: {exc}")


def show_error(parent: QWidget | None, exc: BaseException) -> None:
    QMessageBox.warning(parent, "Pandu SOP", error_text(exc))
