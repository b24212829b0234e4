"""The PySide6 window: shows service results and forwards user actions. No rules live here."""
