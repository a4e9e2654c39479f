"""The network's own URLs on the public site (outside the page tree), included by
portal/urls.py: the members' accounts, marks and Min kommune, and the status pages."""

from network.follow.urls import urlpatterns as follow_urls
from network.members.urls import urlpatterns as member_urls
from network.progress.urls import urlpatterns as progress_urls
from network.statuses.urls import urlpatterns as status_urls

urlpatterns = [*member_urls, *status_urls, *progress_urls, *follow_urls]
