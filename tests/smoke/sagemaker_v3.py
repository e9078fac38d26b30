"""Run by the SageMaker Python SDK 3.x's interpreter (.venv-sagemaker3): describe, list
and invoke through sagemaker.core.resources against AWS_ENDPOINT_URL; prints JSON."""

import json
import sys

from sagemaker.core.resources import Endpoint, EndpointConfig, Model

endpoint_name, model_name = sys.argv[1], sys.argv[2]
endpoint = Endpoint.get(endpoint_name)
config = EndpointConfig.get(endpoint.endpoint_config_name)
model = Model.get(model_name)
listed = [e.endpoint_name for e in Endpoint.get_all()]
answer = endpoint.invoke(body=json.dumps({"inputs": "Hello"}), content_type="application/json")
print(
    json.dumps(
        {
            "status": endpoint.endpoint_status,
            "config_variants": [v.variant_name for v in config.production_variants],
            "model_arn": model.model_arn,
            "listed": listed,
            "answer": json.loads(answer.body.read()),
        }
    )
)
