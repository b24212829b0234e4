"""The bottom floor: errors, dates, paper, paths, file store, audit trail, clock,
working time, waktu. Imports only `db`, the standard library, babel and holidays."""
