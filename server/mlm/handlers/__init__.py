"""Thin handlers: parse → call a service → shape the response. Names equal operationIds."""
