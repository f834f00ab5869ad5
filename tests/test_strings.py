"""White space normalisation: the same as split/join, without copying normal text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from paperlist._strings import normalise_space

# Every kind of white space str.split() knows, some that it does not, and letters.
_ALPHABET = list("ab \n\t\r\x0b\x0c\x1c\x1f\x85\xa0\u2009\u2028\u3000\u200bé")


@settings(max_examples=3000)
@given(st.text(alphabet=st.sampled_from(_ALPHABET), max_size=40))
def test_same_as_split_and_join(text: str) -> None:
    """normalise_space(t) == " ".join(t.split()) for any text."""
    assert normalise_space(text) == " ".join(text.split())


@given(st.text(alphabet=st.sampled_from(list("abé ")), max_size=40))
def test_normal_printable_text_is_returned_itself(text: str) -> None:
    """Already normal text is shared, not copied."""
    normal = " ".join(text.split())
    assert normalise_space(normal) is normal
