"""A run of an SOP: steps, checklist, decisions, working-time calendar."""
