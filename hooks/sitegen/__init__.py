"""The site generator behind the MkDocs hooks, in sub-packages by the stage of the build they serve.

- `site`: the site model (languages, record kinds, paths); every stage may import it.
- `records/`: reading and checking `content/`: strict YAML, the schema, the catalog, record
  Markdown, the schema walker, the site's texts in both languages.
- `pages/`: what one MkDocs build puts on its pages: templates and their helpers, facets,
  JSON-LD, the focus report, the Content-Security-Policy, the editors' links, the build's state.
- `outputs/`: the complete build and its steps after MkDocs: open data, search index, PDF.
- `authoring/`: editors' tools: the scaffold, the JSON Schemas, the field tables, translations.

Imports run one way: records <- pages <- outputs; authoring uses records only (and the site
model); `tests/test_layout.py` reads every import and fails on any other, and on an import cycle.
"""
