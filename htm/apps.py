from django.apps import AppConfig


class HtmConfig(AppConfig):
    name = "htm"
    verbose_name = "Helhetlig tjenestemodell"
