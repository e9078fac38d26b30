"""Domain rules: naming, tenancy, versions, safe multi-step changes. Tested without HTTP."""
