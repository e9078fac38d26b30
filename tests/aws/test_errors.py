import pytest
from botocore.exceptions import ClientError, EndpointConnectionError, ParamValidationError

from mlm.aws.errors import aws_errors, describe_or_none, translate
from mlm.errors import (
    BadGateway,
    BadRequest,
    Conflict,
    NotFound,
    ServiceUnavailable,
    TooManyRequests,
)


def client_error(code: str, message: str = "boom", status: int = 400) -> ClientError:
    return ClientError(
        {
            "Error": {"Code": code, "Message": message},
            "ResponseMetadata": {"HTTPStatusCode": status},
        },
        "AnyOperation",
    )


def test_param_validation_error_is_a_400() -> None:
    error = translate(ParamValidationError(report="Invalid length for parameter X"))
    assert isinstance(error, BadRequest)


def test_throttling_that_survived_retries_is_a_503_with_retry_after() -> None:
    error = translate(client_error("ThrottlingException", status=400))
    assert isinstance(error, ServiceUnavailable)
    assert error.headers["Retry-After"]


def test_quota_errors_are_429_with_the_aws_reason() -> None:
    error = translate(client_error("ResourceLimitExceeded", "ml.p5.48xlarge quota is 0"))
    assert isinstance(error, TooManyRequests)
    assert "ml.p5.48xlarge quota is 0" in error.detail


def test_not_found_is_a_404_with_the_given_code() -> None:
    error = translate(
        client_error("ValidationException", "Could not find endpoint x"), "ENDPOINT_NOT_FOUND"
    )
    assert isinstance(error, NotFound)
    assert error.code == "ENDPOINT_NOT_FOUND"


def test_resource_in_use_is_a_409() -> None:
    assert isinstance(translate(client_error("ResourceInUse")), Conflict)


def test_aws_server_errors_are_503_not_500() -> None:
    assert isinstance(translate(client_error("InternalFailure", status=500)), ServiceUnavailable)


def test_unreachable_aws_is_a_503() -> None:
    assert isinstance(
        translate(EndpointConnectionError(endpoint_url="http://x")), ServiceUnavailable
    )


def test_arns_never_reach_the_client() -> None:
    error = translate(
        client_error("AccessDenied", "not allowed on arn:aws:sagemaker:us-east-1:1234:endpoint/x")
    )
    assert isinstance(error, BadGateway)
    assert "arn:" not in error.detail


def test_other_exceptions_are_not_swallowed() -> None:
    with pytest.raises(KeyError):
        translate(KeyError("x"))


def test_a_taken_name_raises_the_given_conflict() -> None:
    conflict = Conflict(code="MODEL_ALREADY_EXISTS", detail="taken")
    with pytest.raises(Conflict) as raised, aws_errors(exists=conflict):
        raise client_error("ValidationException", "Model package group x already exists.")
    assert raised.value is conflict


def test_other_errors_are_translated_even_when_a_conflict_is_given() -> None:
    conflict = Conflict(code="MODEL_ALREADY_EXISTS", detail="taken")
    with pytest.raises(NotFound), aws_errors(exists=conflict):
        raise client_error("ResourceNotFound", "no such thing")


def test_describe_or_none_is_none_for_a_missing_resource() -> None:
    def missing() -> dict[str, str]:
        raise client_error("ValidationException", "Could not find model x")

    assert describe_or_none(missing) is None


def test_describe_or_none_passes_an_answer_through() -> None:
    assert describe_or_none(lambda: {"ModelName": "x"}) == {"ModelName": "x"}


@pytest.mark.parametrize(
    "message",
    [
        'Cannot update in-progress endpoint "arn:aws:sagemaker:us-east-1:123456789012:endpoint/x".',
        'Cannot create already existing endpoint "arn:aws:sagemaker:us-east-1:1:endpoint/x".',
        "Model package group is in use by a model package.",
    ],
)
def test_refusals_in_the_resources_state_are_409_with_retry_after(message: str) -> None:
    """AWS reports these as ValidationException: the request was right, the moment wrong."""
    error = translate(client_error("ValidationException", message))
    assert isinstance(error, Conflict)
    assert error.headers["Retry-After"]
    assert "arn:" not in error.detail


def test_a_validation_error_about_the_request_stays_a_400() -> None:
    error = translate(client_error("ValidationException", "1 validation error detected: X"))
    assert isinstance(error, BadRequest)
