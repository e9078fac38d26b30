"""The embedded AWS emulator: moto server in process, plus patches for what moto lacks.

It is part of the product (``make run`` and the tests use it). State lives in memory and
is lost when the process stops.
"""
