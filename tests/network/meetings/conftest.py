import pytest

from tests.network.meetings.factories import MeetingIndexPageFactory


@pytest.fixture
def meeting_index(home_page):
    return MeetingIndexPageFactory(parent=home_page)
