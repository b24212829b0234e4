"""SOP -> page geometry: rows, lanes, symbols, connector routes, page breaks (no drawing here)."""
