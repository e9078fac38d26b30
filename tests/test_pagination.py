import pytest

from mlm.errors import BadRequest
from mlm.pagination import PageTokens

TOKENS = PageTokens("secret")
QUERY = {"tenant": "acme", "task": None}
NAMES = [f"m{i:02d}" for i in range(7)]


def identity(name: str) -> str:
    return name


def test_pages_follow_each_other_without_gaps_or_repeats() -> None:
    seen: list[str] = []
    token = None
    while True:
        page = TOKENS.paginate(NAMES, identity, 3, token, QUERY)
        seen.extend(page.items)
        token = page.next_page_token
        if token is None:
            break
    assert seen == sorted(NAMES)


def test_the_last_page_has_no_next_token() -> None:
    assert TOKENS.paginate(NAMES, identity, 10, None, QUERY).next_page_token is None


def test_a_tampered_token_is_an_invalid_page_token() -> None:
    token = TOKENS.paginate(NAMES, identity, 3, None, QUERY).next_page_token
    assert token
    tampered = token[:-2] + ("A" if token[-2] != "A" else "B") + token[-1]
    with pytest.raises(BadRequest) as raised:
        TOKENS.paginate(NAMES, identity, 3, tampered, QUERY)
    assert raised.value.code == "INVALID_PAGE_TOKEN"


def test_a_made_up_token_is_an_invalid_page_token() -> None:
    with pytest.raises(BadRequest):
        TOKENS.paginate(NAMES, identity, 3, "not-a-token!", QUERY)


def test_a_token_reused_with_other_filters_is_refused() -> None:
    token = TOKENS.paginate(NAMES, identity, 3, None, QUERY).next_page_token
    with pytest.raises(BadRequest):
        TOKENS.paginate(NAMES, identity, 3, token, {"tenant": "other", "task": None})


def test_a_token_signed_with_another_secret_is_refused() -> None:
    token = PageTokens("other").paginate(NAMES, identity, 3, None, QUERY).next_page_token
    with pytest.raises(BadRequest):
        TOKENS.paginate(NAMES, identity, 3, token, QUERY)
