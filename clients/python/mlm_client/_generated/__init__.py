
""" A client library for accessing MLM — Model Lifecycle Management API """
from .client import AuthenticatedClient, Client

__all__ = (
    "AuthenticatedClient",
    "Client",
)
