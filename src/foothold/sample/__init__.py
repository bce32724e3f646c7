"""The bundled sample corpus (``corpus/``) and its generator (:mod:`foothold.sample.make_corpus`).

See ``README.md`` in this folder for the list of reports, their sources,
languages and encodings.
"""
