"""Repair work orders at the counter: intake to hand-back, money, time limits, follow-up."""
