# core keeps no models. This module exists because `migrate` sends pre_migrate only to apps that have one,
# and core creates the cache table on that signal (see apps.py).
