"""Plan forms (RKT, EKT, Renja): a workbook per unit, filled, imported and merged."""
