"""Plain modules behind the MkDocs hook: load, validate, render and build the site from records."""
