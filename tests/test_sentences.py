"""Sentence spans: exact offsets, quotations split into their sentences, long lines cut."""
from ledger.extract.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text, 0, len(text))]


def test_each_sentence_of_a_quotation_is_its_own():
    text = 'He said: “This is wrong. We saw 40 people die. Nobody came.” The mayor disagreed.'
    assert sentences(text) == ["He said: “This is wrong.", "We saw 40 people die.", "Nobody came.”",
                               "The mayor disagreed."]


def test_abbreviations_and_page_numbers_inside_quotations_do_not_split():
    text = '"Mr. Smith cited pp. 110-255 of the U.S. Code," she said.'
    assert sentences(text) == [text]


def test_ordinary_abbreviations_do_not_split():
    text = "Mr. Smith met Dr. Jones in the U.S. on Friday. They talked."
    assert sentences(text) == ["Mr. Smith met Dr. Jones in the U.S. on Friday.", "They talked."]


def test_a_very_long_line_is_cut_into_bounded_pieces_with_true_offsets():
    text = "word " * 5000
    spans = split_sentences(text, 0, len(text))
    assert len(spans) > 1
    assert all(b - a <= 3000 for a, b in spans)
    assert all(text[a:b].strip() == text[a:b] for a, b in spans)


def test_a_closed_quotation_then_a_capital_is_a_sentence_end():
    text = "‘We put it at £7 million.’ She said the rest was sold. “It is over.” “We lost.”"
    assert [text[a:b] for a, b in split_sentences(text, 0, len(text))] == [
        "‘We put it at £7 million.’", "She said the rest was sold.", "“It is over.”", "“We lost.”"]
