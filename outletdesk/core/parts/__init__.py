"""Spare parts: the catalogue and the stock ledger."""
