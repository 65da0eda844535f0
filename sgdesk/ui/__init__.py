"""The Qt Widgets user interface. Talks to the corpus only through ``sgdesk.library``."""
