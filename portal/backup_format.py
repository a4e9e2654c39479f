"""The serialization format of backups: Django's JSON Lines, with times to the microsecond.

Django's JSON encoder cuts datetimes to milliseconds (ECMA-262), so a dumpdata/loaddata round
trip changes every timestamp a little; a backup must give back exactly what it took.
Registered by portal/backup.py as the format `backupjsonl`.
"""

import datetime

from django.core.serializers import jsonl
from django.core.serializers.json import DjangoJSONEncoder


class ExactJSONEncoder(DjangoJSONEncoder):
    def default(self, o):
        if isinstance(o, (datetime.datetime, datetime.time)):
            return o.isoformat()
        return super().default(o)


class Serializer(jsonl.Serializer):
    def _init_options(self):
        self.options.setdefault("cls", ExactJSONEncoder)
        super()._init_options()


Deserializer = jsonl.Deserializer
