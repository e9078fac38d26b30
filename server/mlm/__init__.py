"""MLM — Model Lifecycle Management: one REST API in front of AWS SageMaker."""

__version__ = "0.1.0"
