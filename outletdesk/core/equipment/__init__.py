"""Equipment and its maintenance (设备与维护): register, plans, due list, upkeep log, figures."""
