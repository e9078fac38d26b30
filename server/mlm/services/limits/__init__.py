"""Rate limits and quotas per key and per tenant, shared by every replica."""

from mlm.services.limits.limiter import RateLimiter

__all__ = ["RateLimiter"]
