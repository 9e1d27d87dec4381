"""The statistics part of the kvalitetsberättelse: figures for a year beside the year before, as Markdown or HTML."""
