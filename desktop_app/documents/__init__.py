"""Renderers: documents written to PDF (reportlab) and XLSX (openpyxl) from computed data."""
