"""White space normalisation: the same as split/join, without copying normal text."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from paperlist._strings import join_wrapped, normalise_space

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


def test_wrapped_lines_join_with_a_space_but_not_after_a_broken_word() -> None:
    """textwrap (html2text's default) breaks "Fine-Tuning" after its hyphen; a dash that
    stands alone, or a line ending in a word, takes a space."""
    assert join_wrapped(["3D-Aware Fine-", "Tuning"]) == "3D-Aware Fine-Tuning"
    assert join_wrapped(["https://cdn-", "avatars.huggingface.co/a.jpeg"]) == (
        "https://cdn-avatars.huggingface.co/a.jpeg"
    )
    assert join_wrapped(["and the research", "community"]) == "and the research community"
    assert join_wrapped(["models -", "fast ones"]) == "models - fast ones"
