"""``jdx serve``: the role catalog over HTTP (FastAPI; the ``server`` extra).

* :mod:`.app`      the application: routes, error bodies, OpenAPI, the extension hook;
* :mod:`.auth`     API keys as bearer tokens (401 without a valid key, 403 without the scope);
* :mod:`.uploads`  upload size limit, safe names, the isolated conversion workers.
"""
