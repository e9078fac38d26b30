"""One adapter per AWS service. Adapters take injected boto3 clients and never see HTTP."""
