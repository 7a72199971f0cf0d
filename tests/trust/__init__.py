"""The trust suite: netkeep under crashes, concurrency, hostile input and a failing machine.

Its short form runs with the rest of the tests (``uv run pytest``); the long form, with
hundreds of kills, a minute of concurrent writers and the whole corpus through every
surface, runs by hand::

    uv run python tests/trust/run.py --long

Either way the figures (kills, corruptions, lost writes, strings × surfaces, …) are
printed as one table at the end. See CONTRIBUTING.md, "The trust suite".
"""
