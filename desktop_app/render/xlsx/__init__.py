"""XLSX documents written with openpyxl."""
