"""Records stage: everything known before a page is made.

Owns strict YAML loading and the words for its errors (`yaml_errors.py`), the schema (the single
definition of every field), the catalog with its error report (and GitHub's annotation format for
it, `workflow_commands.py`) and its duplicate check, the editors' message table (`messages.yml`),
the schema walker, record Markdown, the field documentation rows,
the empty record to copy, the site's texts in both languages (`strings.yml`), the placeholder
patterns and the records whose sources were not read for a year. May import the site model and
nothing else of the package.
"""
