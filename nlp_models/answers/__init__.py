"""Understanding short answers to the bot's questions: one reader for every question."""

from nlp_models.answers.reader import Answer, AnswerKind, Question, explicit_option, read_answer
from nlp_models.answers.vocabulary import answer_words, phrase

__all__ = ["Answer", "AnswerKind", "Question", "answer_words", "explicit_option", "phrase", "read_answer"]
