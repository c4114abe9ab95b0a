import { DOMImplementation, DOMParser, ParseError, XMLSerializer, type Document, type Element } from '@xmldom/xmldom';
import { FORMAT_CODES, FormatError } from './errors';

// xmldom's ParseError sets `this.message`, inherited from Error.prototype: where a host has frozen
// the intrinsics (SES's lockdown, as the unit tests do) that assignment throws, and xmldom then
// retries the same fatal error forever. An own, writable `message` on its prototype avoids the trap.
if (!Object.prototype.hasOwnProperty.call(ParseError.prototype, 'message'))
  Object.defineProperty(ParseError.prototype, 'message', { value: '', writable: true, configurable: true });

/**
 * A DOMParser (from @xmldom/xmldom: the same in a worker, the page and Node) that keeps the first
 * XML error, with its line, in `errors`. It throws nothing itself: xmldom throws its own ParseError
 * on a fatal error, and wraps what a handler throws (which fails where intrinsics are frozen).
 */
export function strictParser(reader: string, errors: FormatError[] = []): typeof DOMParser {
  return class StrictDOMParser extends DOMParser {
    constructor() {
      super({
        locator: true,
        onError: (level, message, context?: { locator?: { lineNumber?: number } }) => {
          // xmldom warns of what is not well-formed either (an unquoted attribute): refused as well
          if (errors.length > 0) return;
          // the locator says line 0 before it has read a whole tag: that is the first line
          const at = context?.locator?.lineNumber;
          const line = typeof at === 'number' ? Math.max(1, at) : undefined;
          errors.push(
            new FormatError(
              FORMAT_CODES.SYNTAX,
              reader,
              `not well-formed XML${line ? ` at line ${line}` : ''}: ${String(message).slice(0, 160)}`,
              line ? { line } : {},
            ),
          );
        },
      });
    }
  };
}

/** Parses XML strictly; the root must be `root` (a GraphML file's `<graphml>`, a GEXF file's `<gexf>`). */
export function parseXml(text: string, root: string, reader: string): Document {
  const errors: FormatError[] = [];
  const Parser = strictParser(reader, errors);
  let doc: Document | undefined;
  try {
    doc = new Parser().parseFromString(text, 'application/xml');
  } catch (e) {
    if (errors.length === 0)
      throw new FormatError(FORMAT_CODES.SYNTAX, reader, `not well-formed XML: ${(e as Error).message.slice(0, 160)}`);
  }
  if (errors[0]) throw errors[0];
  const top = doc?.documentElement;
  if (!top || localName(top) !== root)
    throw new FormatError(
      FORMAT_CODES.BAD_GRAPH,
      reader,
      `the root element is <${top ? top.tagName : ''}>, not <${root}>`,
    );
  return doc as Document;
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
