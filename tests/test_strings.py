"""White space normalisation: the same as split/join, without copying normal text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from paperlist._strings import normalise_space

# Every kind of white space str.split() knows, some that it does not, and letters.
_ALPHABET = list("ab \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u2009\u2028\u3000\u200bé")


# Short strings (titles, names) and long ones (abstracts) take different tests.
_SHORT_TEXT = {"max_size": 40}
_LONG_TEXT = {"min_size": 190, "max_size": 400}


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), **_SHORT_TEXT))
def test_same_as_split_and_join(text: str) -> None:
    """normalise_space(t) == " ".join(t.split()) for any text."""
    assert normalise_space(text) == " ".join(text.split())


@settings(max_examples=1000)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), **_LONG_TEXT))
def test_long_text_same_as_split_and_join(text: str) -> None:
    assert normalise_space(text) == " ".join(text.split())


@given(st.text(alphabet=st.sampled_from(list("abé ")), **_SHORT_TEXT))
def test_normal_printable_text_is_returned_itself(text: str) -> None:
    """Already normal text is shared, not copied."""
    normal = " ".join(text.split())
    assert normalise_space(normal) is normal


@given(st.text(alphabet=st.sampled_from(list("abé ")), **_LONG_TEXT))
def test_normal_long_text_is_returned_itself(text: str) -> None:
    normal = " ".join(text.split())
    assert normalise_space(normal) is normal
