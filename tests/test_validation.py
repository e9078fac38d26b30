"""Validation failures in plain words, naming the parameter or field (mlm.validation)."""

from __future__ import annotations

from typing import Any

from starlette.testclient import TestClient


def _problem(response: Any) -> dict[str, Any]:
    assert response.status_code == 400, response.text
    body: dict[str, Any] = response.json()
    assert body["code"] == "INVALID_REQUEST"
    assert "Failed validating" not in body["detail"]
    assert "schema" not in body["detail"]
    return body


def test_a_bad_query_parameter_is_named_in_plain_words(client: TestClient) -> None:
    problem = _problem(client.get("/v1/models", params={"page_size": 0}))
    assert problem["errors"] == [{"field": "page_size", "message": "must be at least 1"}]
    assert problem["detail"] == "Query parameter 'page_size' must be at least 1."


def test_a_query_parameter_of_the_wrong_type_is_named(client: TestClient) -> None:
    problem = _problem(client.get("/v1/instance-types", params={"accelerated": "maybe"}))
    assert problem["errors"] == [{"field": "accelerated", "message": "must be true or false"}]


def test_a_bad_path_parameter_says_what_a_name_may_hold(client: TestClient) -> None:
    problem = _problem(client.get("/v1/models/Not_A_Name"))
    (error,) = problem["errors"]
    assert error["field"] == "model_name"
    assert "lowercase letters, digits and single hyphens" in error["message"].lower()


def test_a_bad_header_parameter_is_named(client: TestClient) -> None:
    problem = _problem(
        client.post("/v1/models", json={"name": "glm"}, headers={"Idempotency-Key": "a b"})
    )
    assert [e["field"] for e in problem["errors"]] == ["Idempotency-Key"]


def test_an_unknown_query_parameter_is_named(client: TestClient) -> None:
    problem = _problem(client.get("/v1/models", params={"colour": "red"}))
    assert problem["errors"] == [
        {"field": "colour", "message": "is not a parameter of this operation"}
    ]


def test_a_missing_body_field_is_named(client: TestClient) -> None:
    problem = _problem(client.post("/v1/models", json={"task": "text-generation"}))
    assert problem["errors"] == [{"field": "name", "message": "is required"}]


def test_an_unexpected_body_field_is_named(client: TestClient) -> None:
    problem = _problem(client.post("/v1/models", json={"name": "glm", "colour": "red"}))
    assert problem["errors"] == [{"field": "colour", "message": "is not allowed here"}]


def test_a_nested_body_field_is_named_by_its_path(client: TestClient) -> None:
    variant = {"model_name": "glm", "model_version": 1, "instance_type": "ml.g5.xlarge"}
    problem = _problem(
        client.post(
            "/v1/endpoints",
            json={"name": "chat", "variants": [{**variant, "instance_count": 0}]},
        )
    )
    assert problem["errors"] == [
        {"field": "variants.0.instance_count", "message": "must be at least 1"}
    ]


def test_a_body_that_is_not_json_says_so(client: TestClient) -> None:
    problem = _problem(
        client.post("/v1/models", content=b"{name", headers={"Content-Type": "application/json"})
    )
    assert problem["detail"].startswith("The request body is not valid JSON")


def test_a_oneof_failure_is_told_for_the_branch_the_discriminator_names(
    client: TestClient,
) -> None:
    """An s3 packaging source takes no model_id: the contract says so (oneOf on
    platform), and the answer names that field, not the whole source."""
    body = {
        "source": {"platform": "s3", "s3_uri": "s3://bucket/models/glm/", "model_id": "a/b"},
        "target": {"model_name": "glm"},
    }
    problem = _problem(client.post("/v1/packaging-jobs", json=body))
    assert problem["errors"] == [{"field": "source.model_id", "message": "is not allowed here"}]


def test_an_unknown_discriminator_value_lists_the_accepted_ones(client: TestClient) -> None:
    body = {"source": {"platform": "ftp"}, "target": {"model_name": "glm"}}
    problem = _problem(client.post("/v1/packaging-jobs", json=body))
    assert problem["errors"] == [
        {"field": "source.platform", "message": "must be one of huggingface, s3"}
    ]
