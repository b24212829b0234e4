"""The archive: every generated, attached and signed document of the office, found again fast."""
