"""Run charts: counts over time with their median, and Anhøj's rules for telling a signal from noise."""
