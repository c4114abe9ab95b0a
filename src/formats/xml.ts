import { DOMImplementation, DOMParser, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { FORMAT_CODES, FormatError } from './errors';

/** A DOMParser (from @xmldom/xmldom: the same in a worker, the page and Node) that throws on any XML error, naming the line. */
export function strictParser(reader: string): typeof DOMParser {
  return class StrictDOMParser extends DOMParser {
    constructor() {
      super({
        locator: true,
        onError: (level, message, context?: { locator?: { lineNumber?: number } }) => {
          if (level === 'warning') return;
          const line = context?.locator?.lineNumber;
          throw new FormatError(
            FORMAT_CODES.SYNTAX,
            reader,
            `not well-formed XML${line ? ` at line ${line}` : ''}: ${String(message).slice(0, 160)}`,
            line ? { line } : {},
          );
        },
      });
    }
  };
}

/** Parses XML strictly; the root must be `root` (a GraphML file's `<graphml>`, a GEXF file's `<gexf>`). */
export function parseXml(text: string, root: string, reader: string): Document {
  const Parser = strictParser(reader);
  let doc: Document;
  try {
    doc = new Parser().parseFromString(text, 'application/xml');
  } catch (e) {
    // xmldom wraps what the handler threw in its own ParseError
    const cause = (e as { cause?: unknown }).cause;
    if (e instanceof FormatError) throw e;
    if (cause instanceof FormatError) throw cause;
    throw new FormatError(FORMAT_CODES.SYNTAX, reader, `not well-formed XML: ${(e as Error).message.slice(0, 160)}`);
  }
  const top = doc.documentElement;
  if (!top || localName(top) !== root)
    throw new FormatError(
      FORMAT_CODES.BAD_GRAPH,
      reader,
      `the root element is <${top ? top.tagName : ''}>, not <${root}>`,
    );
  return doc;
}

/** An element's name without its namespace prefix. */
export const localName = (el: Element): string => el.localName ?? el.tagName.replace(/^.*:/, '');

/** `<tag id="…">` at line N: how a message names an element. */
export function nameOf(el: Element): string {
  const id = el.getAttribute('id');
  const line = (el as unknown as { lineNumber?: number }).lineNumber;
  return `<${el.tagName}${id ? ` id="${id.slice(0, 40)}"` : ''}>${line ? ` at line ${line}` : ''}`;
}

/** The element children of `el` named `name`. */
export function childrenNamed(el: Element, name: string): Element[] {
  const out: Element[] = [];
  for (let c = el.firstChild; c; c = c.nextSibling)
    if (c.nodeType === 1 && localName(c as Element) === name) out.push(c as Element);
  return out;
}

/** A new XML document with root `root` in namespace `ns`, and a way to print it. */
export function newXml(ns: string, root: string): { doc: Document; print: () => string } {
  const doc = new DOMImplementation().createDocument(ns, root, null);
  return {
    doc,
    print: () => `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(doc)}\n`,
  };
}

/** Characters XML 1.0 cannot hold (control characters, lone surrogates), replaced so a written file reads back. */
const NOT_XML =
  // eslint-disable-next-line no-control-regex -- these are exactly the characters XML cannot hold
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** `s` with what XML cannot hold replaced by U+FFFD. */
export const xmlSafe = (s: string): string => s.replace(NOT_XML, '\uFFFD');
