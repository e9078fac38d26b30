"""Domain rules, a package per resource (endpoints, registry, packaging, observability,
invocations): naming, tenancy, versions, safe multi-step changes. Tested without HTTP."""
