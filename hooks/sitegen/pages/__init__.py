"""Pages stage: what one MkDocs build of one language puts on its pages.

Owns the record templates and their helpers, facets, JSON-LD, the focus report, the
Content-Security-Policy, the editors' links, the links that print their address once, the news
(page and home-page items), the open-data licence setting and the state of one build. May import `records`
and the site model; never `outputs` or `authoring`.
"""
