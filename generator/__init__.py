"""jobsite: turns YAML job postings, organisations and role descriptions into
pages for MkDocs + Material.

Data flows one way: load (yamlsource) -> validate (model, validation) ->
derive (clock, listing) -> render (render/*) -> MkDocs (plugin).
"""
