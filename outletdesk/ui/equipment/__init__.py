"""Equipment & maintenance: the register of assets, their status, meters and history."""
