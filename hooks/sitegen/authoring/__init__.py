"""Authoring stage: editors' tools beside the build.

Owns the scaffold of a new record, the JSON Schemas for editors' tools, the field tables in
CONTRIBUTING and the translation report. May import `records` and the site model only.
"""
