"""Reading what chefs, SAS and the MAS write when they handle a report: fields, causes, lex
assessments, duplicates. The words are data in rules/handling.toml."""

from nlp_models.handling.reader import FieldText, HandlingReading, asks_to_see, read_handling, read_everyday
from nlp_models.handling.vocabulary import handling_words

__all__ = ["FieldText", "HandlingReading", "asks_to_see", "handling_words", "read_everyday", "read_handling"]
