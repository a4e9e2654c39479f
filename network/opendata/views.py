"""The open data API (JSON, described by OpenAPI at /api/v1/openapi.json), its CSV downloads
and the page that describes both in Norwegian.

Read-only and anonymous: authentication is off for these views, so a member's session never
changes an answer, and every answer is public data under NLOD 2.0.
"""

import re

from django.http import Http404
from django.template.response import TemplateResponse
from django.utils import timezone
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import Throttled, ValidationError
from rest_framework.response import Response
from rest_framework.views import APIView

from portal.export import csv_response

from . import datasets
from .serializers import (
    CohortSerializer,
    MunicipalitySerializer,
    RolloutLevelSerializer,
    RolloutSerializer,
    RolloutStatusSerializer,
    TaskLevelSerializer,
    TaskStatusCountSerializer,
)
from .throttles import OpenDataThrottle

LICENSE_URL = "https://data.norge.no/nlod/no/2.0"
SLUG_PATTERN = r"^[a-z0-9-]{0,100}$"
NUMBER_PATTERN = r"^([0-9]{4})?$"


class ErrorSerializer(serializers.Serializer):
    detail = serializers.CharField()


ERRORS = {400: ErrorSerializer, 429: ErrorSerializer}


def list_schema(serializer, parameters=(), description=""):
    return extend_schema(
        responses={200: serializer(many=True), **ERRORS},
        parameters=list(parameters),
        description=description,
        tags=["Åpne data"],
    )


def filter_parameter(name, pattern, description):
    return OpenApiParameter(name, str, pattern=pattern, required=False, description=description)


class OpenDataView(APIView):
    authentication_classes = []
    throttle_classes = [OpenDataThrottle]

    def throttled(self, request, wait):
        raise Throttled(
            wait,
            detail="For mange forespørsler på kort tid. Vent litt og prøv igjen.",
        )

    def finalize_response(self, request, response, *args, **kwargs):
        response = super().finalize_response(request, response, *args, **kwargs)
        response["Link"] = f'<{LICENSE_URL}>; rel="license"'
        response["Access-Control-Allow-Origin"] = "*"
        return response

    def param(self, request, name: str, pattern: str) -> str:
        # An empty value means no filter, as in a form left blank.
        value = request.query_params.get(name, "")
        if not re.fullmatch(pattern, value):
            raise ValidationError({"detail": f"Ugyldig verdi for «{name}»."})
        return value

    def handle_exception(self, exc):
        # A ValidationError's detail is a dict: answer with its one message, as the schema says.
        if isinstance(exc, ValidationError) and isinstance(exc.detail, dict):
            return Response({"detail": str(exc.detail.get("detail", ""))}, status=400)
        return super().handle_exception(exc)


class MunicipalitiesView(OpenDataView):
    @list_schema(MunicipalitySerializer, description="Kommunene i Nordland.")
    def get(self, request):
        return Response(datasets.municipalities())


class CohortsView(OpenDataView):
    @list_schema(CohortSerializer, description="Puljene og kommunene i hver.")
    def get(self, request):
        return Response(datasets.cohorts())


class RolloutsView(OpenDataView):
    @list_schema(RolloutSerializer, description="De nasjonale innføringsløpene med trinn.")
    def get(self, request):
        return Response(datasets.rollouts(request))


class RolloutLevelsView(OpenDataView):
    @list_schema(RolloutLevelSerializer, description="Statusnivåene i innføringsløpene.")
    def get(self, request):
        return Response(datasets.rollout_levels())


class RolloutStatusesView(OpenDataView):
    @list_schema(
        RolloutStatusSerializer,
        parameters=[
            filter_parameter("innforingslop", SLUG_PATTERN, "Adressenavnet til et innføringsløp."),
            filter_parameter("kommune", NUMBER_PATTERN, "Et kommunenummer."),
        ],
        description="Hvor hver kommune står i hvert innføringsløp, som på innføringsløpets side.",
    )
    def get(self, request):
        rollout = self.param(request, "innforingslop", SLUG_PATTERN)
        municipality = self.param(request, "kommune", NUMBER_PATTERN)
        return Response(datasets.rollout_statuses(rollout, municipality))


class TaskLevelsView(OpenDataView):
    @list_schema(TaskLevelSerializer, description="Nivåene for organisering av oppgavene.")
    def get(self, request):
        return Response(datasets.task_levels())


class TaskStatusCountsView(OpenDataView):
    @list_schema(
        TaskStatusCountSerializer,
        parameters=[filter_parameter("pulje", SLUG_PATTERN, "Adressenavnet til en pulje.")],
        description=(
            "For hver oppgave i Helhetlig tjenestemodell: hvor mange kommuner som står på "
            "hvert nivå. Aldri én kommunes svar."
        ),
    )
    def get(self, request):
        cohort = self.param(request, "pulje", SLUG_PATTERN)
        return Response(datasets.task_status_counts(cohort))


ENDPOINTS = [
    ("kommuner", MunicipalitiesView, "Kommunene i Nordland"),
    ("puljer", CohortsView, "Puljene"),
    ("innforingslop", RolloutsView, "Innføringsløpene med trinn"),
    ("innforingslop/nivaaer", RolloutLevelsView, "Statusnivåene i innføringsløpene"),
    ("innforingslop/status", RolloutStatusesView, "Kommunenes status i innføringsløpene"),
    ("htm-status/nivaaer", TaskLevelsView, "Nivåene for organisering av oppgavene i HTM"),
    ("htm-status", TaskStatusCountsView, "Organisering av oppgavene i HTM, talt per oppgave"),
]


def csv_view(request, name: str):
    table = datasets.CSV_TABLES.get(name)
    if table is None:
        raise Http404
    return csv_response(table(), f"{name}-{timezone.localdate():%Y-%m-%d}.csv")


def index_view(request):
    context = {
        "endpoints": [(f"/api/v1/{path}/", title) for path, _view, title in ENDPOINTS],
        "downloads": [
            ("kommuner", "Kommunene"),
            ("puljer", "Puljene"),
            ("innforingslop-status", "Kommunenes status i innføringsløpene"),
            ("htm-status", "Organisering av oppgavene i HTM, talt per oppgave"),
        ],
        "license_url": LICENSE_URL,
        "task_count": datasets.task_count(),
    }
    return TemplateResponse(request, "network/opendata/index.html", context)
