"""The adapter to MkDocs and Material for MkDocs: the only package that imports them.

- plugin.py: the MkDocs plugin, each hook a few lines that call the stages
  (content -> listing -> pages -> outputs);
- pages.py: the generated pages as MkDocs files, and MkDocs' link rules;
- theme.py: what knows Material's templates and finished pages (template
  dedent, the page's article, the JobPosting item);
- outputs.py: the files that feed no page (feed, calendars, jobs.json, PDFs),
  made by worker processes while MkDocs builds the pages;
- publish.py: a build is written beside site/ and published whole.

Material is in maintenance mode; a successor engine would get a sibling of
this package, and the core stays as it is.
"""
