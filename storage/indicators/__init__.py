"""Quality indicators: definitions, values (imported or computed), periods and status."""
