"""Who may see what in the network app."""


def can_see_unpublished_contacts(user) -> bool:
    """True when the user may see contact persons who have not agreed to be published.

    For now every logged-in user counts as a network member; the membership issue will
    narrow this to members of the network (Membership) and editors.
    """
    return bool(user and user.is_authenticated)


def is_network_member(user) -> bool:
    """True for members of the network: they may read members-only meeting materials and
    see members-only meeting links.

    For now every logged-in user; issue 6 (Membership) narrows it here, in one place.
    """
    return bool(user and user.is_authenticated)
