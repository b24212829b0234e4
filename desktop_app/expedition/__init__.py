"""The buku ekspedisi: sending signed documents out, printing the book and the slips, receipts."""
