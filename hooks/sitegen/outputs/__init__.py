"""Outputs stage: the complete build and the steps after both MkDocs builds.

Owns the complete build (validate, build every language, post-build steps, swap into `site/`),
open data, the search index, the focus-report PDF and the news feeds. May import `pages`,
`records` and the site model; never `authoring`.
"""
