"""Reading SOP documents the office already has (.docx, .xlsx, .pdf, .txt) into draft SOPs."""
