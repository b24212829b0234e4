"""PDF documents: a shared base (fonts, styles) and one module per document."""
