"""One module per input format, and the API item mapping that JSON and HTML share.

Each reader takes decoded text (HTML may take bytes) and a LoadContext and
returns a Listing. Readers share the helpers one level up (``_dates``,
``_links``, ``_numbers``, ``_strings``) but not each other's code, except
that HTML hands its hydration props to ``api`` so both give identical Papers.
"""
