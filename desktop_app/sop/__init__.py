"""The SOP: its model, the pandu-sop/1 file format, validation and the library service."""
