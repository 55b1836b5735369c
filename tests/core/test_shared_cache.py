"""Counts and locks in the cache hold when several processes race for them (web workers, task workers)."""

import pytest

from .processes import run_together, shared_environment

pytestmark = [pytest.mark.slow]

RACE = """
import sys

import django

django.setup()
from django.core.cache import cache

from core.limits import over_limit

key, per_minute, times = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
print("ready", flush=True)
sys.stdin.readline()
allowed = sum(not over_limit(key, per_minute) for _ in range(times))
locks = sum(bool(cache.add(f"{key}:lock:{number}", "taken", 60)) for number in range(times))
print(allowed, locks)
"""


def test_four_processes_counting_at_once_allow_exactly_the_limit_and_share_each_lock(transactional_db, tmp_path):
    env = shared_environment(tmp_path)
    outputs = run_together(env, RACE, [("race", 100, 60)] * 4)
    allowed, locks = (sum(values) for values in zip(*(map(int, out.split()) for out in outputs), strict=True))
    assert allowed == 100  # of 240 events, with a limit of 100 a minute
    assert locks == 60  # each lock taken by exactly one process
