"""XML parsing for untrusted parts: nothing is loaded, nothing is expanded, no DTD is accepted.

Every reader that parses XML (the parts of a DOCX today; any other zipped-XML format tomorrow)
goes through :func:`parse_part`. Two layers:

* the parser opens nothing: ``load_dtd=False``, ``attribute_defaults=False``,
  ``resolve_entities=False``, ``no_network=True``, and a resolver that answers every external
  load (DTD, entity) with an empty document before libxml2 would open a path. The DOCX
  reader's parser had ``resolve_entities=False, no_network=True`` but also
  ``collect_ids=False``, with which lxml 6 still loads the external subset named by
  ``<!DOCTYPE w:document SYSTEM "/etc/passwd">`` (tested: the path is opened): an existing
  path failed differently from a missing one (an uploader could probe the server's files)
  and a FIFO blocked forever;
* a part that declares a DTD at all is refused. The Open Packaging Conventions forbid DTD
  declarations in package XML and tell readers to treat one as an error (ECMA-376 Part 2,
  §8.1.4, rule M1.18, written against entity-expansion attacks), so no document Word writes
  has one, and refusing it removes internal-subset tricks too (billion laughs, parameter
  entities).
"""

from __future__ import annotations

from lxml import etree

from .errors import DocumentError, ErrorCode


class _NothingResolver(etree.Resolver):
    """Every external DTD or entity libxml2 asks for is an empty document: no path is opened."""

    def resolve(self, system_url, public_id, context):
        return self.resolve_string("", context)


def safe_parser(*, remove_blank_text: bool = False) -> etree.XMLParser:
    """A parser that never reads a file or the network and never expands an entity."""
    parser = etree.XMLParser(
        resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False, attribute_defaults=False,
        huge_tree=False, remove_blank_text=remove_blank_text,
    )
    parser.resolvers.add(_NothingResolver())
    return parser


DEFAULT_PARSER = safe_parser()


def parse_part(data: bytes, name: str, parser: etree.XMLParser = DEFAULT_PARSER) -> etree._Element:
    """The root element of one XML part, or :class:`DocumentError` (``corrupt_file``) for
    malformed XML or any DTD declaration."""
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        raise DocumentError(ErrorCode.CORRUPT_FILE, f"malformed XML in {name}: {exc}") from exc
    docinfo = root.getroottree().docinfo
    if docinfo.doctype or docinfo.internalDTD is not None:
        raise DocumentError(ErrorCode.CORRUPT_FILE,
                            f"{name} declares a DTD (<!DOCTYPE …>), which package XML must not (ECMA-376 Part 2 "
                            "§8.1.4); not read")
    return root
