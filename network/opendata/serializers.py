"""The shapes of the open datasets, for the OpenAPI document. The datasets are plain rows
(datasets.py); these serializers describe them and pass them through."""

from rest_framework import serializers


class MunicipalitySerializer(serializers.Serializer):
    kommunenummer = serializers.CharField(help_text="Fire sifre, som i SSBs register.")
    navn = serializers.CharField()
    samisk_navn = serializers.CharField(allow_blank=True)
    adressenavn = serializers.CharField()
    nettsted = serializers.CharField(allow_blank=True)
    puljer = serializers.ListField(
        child=serializers.CharField(), help_text="Adressenavnene til puljene kommunen er med i."
    )


class CohortSerializer(serializers.Serializer):
    adressenavn = serializers.CharField()
    navn = serializers.CharField()
    aar = serializers.IntegerField()
    program = serializers.CharField()
    beskrivelse = serializers.CharField(allow_blank=True)
    kommuner = serializers.ListField(child=serializers.CharField(), help_text="Kommunenumre.")


class StepSerializer(serializers.Serializer):
    nummer = serializers.IntegerField()
    tittel = serializers.CharField()
    beskrivelse = serializers.CharField(allow_blank=True)


class RolloutSerializer(serializers.Serializer):
    adressenavn = serializers.CharField()
    tittel = serializers.CharField()
    kortnavn = serializers.CharField(allow_blank=True)
    eier = serializers.CharField()
    adresse = serializers.CharField(help_text="Siden om innføringsløpet på portalen.")
    trinn = StepSerializer(many=True)


class RolloutStatusSerializer(serializers.Serializer):
    kommunenummer = serializers.CharField()
    kommune = serializers.CharField()
    innforingslop = serializers.CharField(help_text="Adressenavnet til innføringsløpet.")
    status = serializers.CharField()
    statuskode = serializers.CharField()
    trinn_nummer = serializers.IntegerField(allow_null=True)
    trinn = serializers.CharField(allow_blank=True)
    siden = serializers.DateField(allow_null=True)


class LevelCountSerializer(serializers.Serializer):
    kode = serializers.CharField()
    navn = serializers.CharField()
    antall = serializers.IntegerField()


class TaskStatusCountSerializer(serializers.Serializer):
    oppgave_id = serializers.IntegerField()
    oppgave = serializers.CharField()
    side = serializers.CharField()
    del_av_modellen = serializers.CharField()
    kommuner = serializers.IntegerField(help_text="Kommunene som telles.")
    ikke_registrert = serializers.IntegerField()
    per_nivaa = LevelCountSerializer(many=True)


class RolloutLevelSerializer(serializers.Serializer):
    kode = serializers.CharField()
    navn = serializers.CharField()
    ferdig = serializers.BooleanField()


class TaskLevelSerializer(serializers.Serializer):
    kode = serializers.CharField()
    navn = serializers.CharField()
    organisert = serializers.BooleanField()
