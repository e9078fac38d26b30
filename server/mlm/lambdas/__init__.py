"""Entry points AWS Lambda calls (each module one function a stack wires to an event)."""
