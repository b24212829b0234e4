"""Data safety: backups, restore, integrity checks, the one-window lock, plain storage errors.

Qt-free; the window's pieces are in desktop_app.gui.backup_actions.
"""
