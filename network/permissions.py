"""Who may see what in the network app."""


def can_see_unpublished_contacts(user) -> bool:
    """True when the user may see contact persons who have not agreed to be published.

    For now every logged-in user counts as a network member; the membership issue will
    narrow this to members of the network (Membership) and editors.
    """
    return bool(user and user.is_authenticated)
