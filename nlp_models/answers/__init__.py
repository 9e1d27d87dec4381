"""Understanding short answers to the bot's questions: one reader for every question."""

from nlp_models.answers.reader import Answer, AnswerKind, Question, read_answer
from nlp_models.answers.vocabulary import answer_words, phrase

__all__ = ["Answer", "AnswerKind", "Question", "answer_words", "phrase", "read_answer"]
