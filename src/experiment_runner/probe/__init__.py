"""Code that runs inside the user's Python: torch and the standard library only, never the rest of this package
(these files are shipped as files and run by the user's interpreter)."""
