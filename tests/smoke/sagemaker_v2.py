"""Run by the SageMaker Python SDK 2.x's interpreter (.venv-sagemaker2): a Predictor on a
Session whose clients point at AWS_ENDPOINT_URL; describe, list, predict; prints JSON."""

import json
import os
import sys

import boto3
from sagemaker.deserializers import JSONDeserializer
from sagemaker.predictor import Predictor
from sagemaker.serializers import JSONSerializer
from sagemaker.session import Session

endpoint_name = sys.argv[1]
boto_session = boto3.Session(region_name=os.environ["AWS_DEFAULT_REGION"])
session = Session(
    boto_session=boto_session,
    sagemaker_client=boto_session.client("sagemaker"),
    sagemaker_runtime_client=boto_session.client("sagemaker-runtime"),
)
predictor = Predictor(
    endpoint_name,
    sagemaker_session=session,
    serializer=JSONSerializer(),
    deserializer=JSONDeserializer(),
)
described = session.sagemaker_client.describe_endpoint(EndpointName=endpoint_name)
# NameContains: other tests' endpoints share the emulator, and a page holds only ten.
listed = [
    e["EndpointName"]
    for e in session.sagemaker_client.list_endpoints(NameContains=endpoint_name)["Endpoints"]
]
print(
    json.dumps(
        {
            "status": described["EndpointStatus"],
            "config": described["EndpointConfigName"],
            "listed": listed,
            "answer": predictor.predict({"inputs": "Hello"}),
        }
    )
)
