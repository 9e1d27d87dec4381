"""The weekly MAS digest: figures for the last ISO week, the Swedish text and the 12-week chart."""
