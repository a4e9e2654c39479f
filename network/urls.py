"""The network's own URLs on the public site (outside the page tree), included by
portal/urls.py: the members' accounts, marks and Min kommune, the status pages, following, and
the open data."""

from network.follow.urls import urlpatterns as follow_urls
from network.members.urls import urlpatterns as member_urls
from network.opendata.urls import urlpatterns as opendata_urls
from network.progress.urls import urlpatterns as progress_urls
from network.statuses.urls import urlpatterns as status_urls

urlpatterns = [*member_urls, *status_urls, *progress_urls, *opendata_urls, *follow_urls]
