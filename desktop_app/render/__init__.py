"""Shared renderers: the PDF (reportlab) and XLSX (openpyxl) bases every area draws its
documents on. Imports only `common` and `db`, never an area."""
