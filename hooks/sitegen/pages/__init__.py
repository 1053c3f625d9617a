"""Pages stage: what one MkDocs build of one language puts on its pages.

Owns the record templates and their helpers, facets, JSON-LD, the focus report, the
Content-Security-Policy, the editors' links, the links that print their address once, what of a
page the search index holds, the news (page and home-page items), the open-data licence setting,
the incremental preview and the state of one build. May import `records` and the site model; never
`outputs` or `authoring`.
"""
