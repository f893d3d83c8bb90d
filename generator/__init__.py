"""jobsite: turns YAML job postings, organisations and role descriptions into
the pages and files of a static site.

Data flows one way: load (yamlsource) -> validate (model, validation) ->
derive (clock, listing) -> render (render/*). The core knows nothing of the
site builder; generator/mkdocs/ is the adapter that hands its pages and files
to MkDocs + Material.
"""
