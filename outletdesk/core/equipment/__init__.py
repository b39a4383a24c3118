"""Equipment: the register, maintenance plans and the upkeep log."""
