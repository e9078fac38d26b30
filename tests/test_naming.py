from mlm import naming

LONGEST_TENANT = "t" * 12
LONGEST_NAME = "n" * 32


def test_physical_names_start_with_the_tenant_prefix() -> None:
    assert naming.physical_name("acme", "chat") == "mlm-acme-chat"


def test_physical_names_of_the_longest_inputs_fit_aws_limits() -> None:
    name = naming.physical_name(LONGEST_TENANT, LONGEST_NAME, "c-0123abcd")
    assert len(name) <= naming.AWS_NAME_MAX


def test_too_long_names_are_hashed_deterministically_and_stay_unique() -> None:
    first = naming.physical_name("acme", "x" * 60, "a")
    again = naming.physical_name("acme", "x" * 60, "a")
    other = naming.physical_name("acme", "x" * 60, "b")
    assert first == again != other
    assert len(first) == naming.AWS_NAME_MAX


def test_api_name_recovers_the_name_of_this_tenant_only() -> None:
    assert naming.api_name("acme", "mlm-acme-chat") == "chat"
    assert naming.api_name("acm", "mlm-acme-chat") is None


def test_api_names_refuse_double_hyphens_and_uppercase() -> None:
    assert naming.is_api_name("glm-4-9b-chat")
    assert not naming.is_api_name("glm--chat")
    assert not naming.is_api_name("GLM")
    assert not naming.is_api_name("chat-")
    assert not naming.is_api_name("n" * 33)


def test_managed_tags_mark_tenant_and_owner_and_keep_user_tags() -> None:
    tags = {t["Key"]: t["Value"] for t in naming.managed_tags("acme", "chat", {"team": "x"})}
    assert tags == {
        "mlm:tenant": "acme",
        "mlm:managed-by": "mlm",
        "mlm:name": "chat",
        "team": "x",
    }


def test_user_tags_leave_out_the_reserved_ones() -> None:
    aws_tags = naming.managed_tags("acme", "chat", {"team": "x"})
    assert naming.user_tags(aws_tags) == {"team": "x"}
