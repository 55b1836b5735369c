"""The embedded profile's cache: a table in the SQLite database, so every web and task process shares it.

Django's database cache counts with a read then a write (`incr` is get + set), so two processes counting
at once can lose one of the two events, and `incr` resets the entry's expiry. Here `incr` and `add` run in
one transaction that first takes the entry's write lock: an UPDATE of the row locks it on PostgreSQL and
MySQL and starts a write transaction on SQLite (which then holds the whole database's write lock), so a
second process waits and reads the first one's result. `incr` changes the value only, like Redis's INCR.
"""

import base64
import pickle
from contextlib import contextmanager

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.db import DatabaseCache as DjangoDatabaseCache
from django.db import connections, router, transaction


class DatabaseCache(DjangoDatabaseCache):
    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        with self._entry_locked(self.make_and_validate_key(key, version=version)):
            return super().add(key, value, timeout, version)

    def incr(self, key, delta=1, version=None):
        stored_key = self.make_and_validate_key(key, version=version)
        with self._entry_locked(stored_key) as cursor:
            value = self.get(key, self._missing_key, version=version)
            if value is self._missing_key:
                raise ValueError(f"Key '{key}' not found.")
            value += delta
            encoded = base64.b64encode(pickle.dumps(value, self.pickle_protocol)).decode("latin1")
            quote_name = cursor.db.ops.quote_name
            table, value_column, key_column = quote_name(self._table), quote_name("value"), quote_name("cache_key")
            # Only quoted names from the settings are formatted in; the values are parameters.
            sql = f"UPDATE {table} SET {value_column} = %s WHERE {key_column} = %s"  # noqa: S608
            cursor.execute(sql, [encoded, stored_key])
        return value

    @contextmanager
    def _entry_locked(self, stored_key):
        db = router.db_for_write(self.cache_model_class)
        quote_name = connections[db].ops.quote_name
        table, key_column = quote_name(self._table), quote_name("cache_key")
        sql = f"UPDATE {table} SET {key_column} = {key_column} WHERE {key_column} = %s"  # noqa: S608
        with transaction.atomic(using=db), connections[db].cursor() as cursor:
            cursor.execute(sql, [stored_key])
            yield cursor
