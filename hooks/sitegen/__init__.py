"""The site generator behind the MkDocs plugin, in sub-packages by the stage of the build they serve.

- `site`: the site model (languages, paths); every stage may import it, and it imports nothing.
- `records/`: reading and checking `content/`: strict YAML, the schema, the kinds of record
  (`records/kinds/`, one module each), the catalog, record Markdown, the schema walker, the site's
  texts in both languages.
- `pages/`: what one MkDocs build puts on its pages: templates and their helpers, facets,
  JSON-LD, the focus report, the Content-Security-Policy, the editors' links, the build's state.
- `outputs/`: the complete build and its steps after MkDocs: open data, search index, PDF.
- `authoring/`: editors' tools: the scaffold, the JSON Schemas, the field tables, translations.
- `plugin`: the MkDocs plugin (entry point `sitegen`), which adapts MkDocs' events to `pages/`.

Imports run one way: records <- pages <- outputs; authoring uses records only, the plugin pages and
below (and all the site model); `tests/test_layout.py` reads every import and fails on any other,
and on an import cycle.
"""
