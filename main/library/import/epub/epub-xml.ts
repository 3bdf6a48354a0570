/**
 * XML of a book's package (container.xml, the OPF, the NCX) read without entity expansion:
 * a document declaring entities (billion laughs) is refused, and only the five predefined
 * entities and character references are decoded, by hand.
 */
import { XMLParser } from 'fast-xml-parser';

/** A parsed element: attributes as `@name`, text as `#text`, children by local name. */
export type XmlNode = { [key: string]: XmlValue };
export type XmlValue = string | XmlNode | XmlNode[] | string[];

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  removeNSPrefix: true,
  processEntities: false,
  htmlEntities: false,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  textNodeName: '#text',
});

/** True when the document declares entities (never needed by a book; the billion-laughs attack). */
export const declaresEntities = (text: string): boolean => /<!ENTITY/i.test(text);

/** The parsed document, or null when it is not XML or declares entities of its own. */
export function parseXml(text: string): XmlNode | null {
  if (declaresEntities(text)) return null;
  try {
    return parser.parse(text) as XmlNode;
  } catch {
    return null;
  }
}

/** The children named `name` as a list (the parser gives one child as an object). */
export function childrenOf(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  const list = Array.isArray(value) ? value : [value];
  return list.map((item) => (typeof item === 'string' ? { '#text': item } : item));
}

export const childOf = (node: XmlNode | undefined, name: string): XmlNode | undefined =>
  childrenOf(node, name)[0];

/** An attribute, entity-decoded, or null. */
export function attributeOf(node: XmlNode | undefined, name: string): string | null {
  const value = node?.[`@${name}`];
  return typeof value === 'string' ? decodeXmlText(value) : null;
}

/** All the text of a node and its children, entity-decoded and with whitespace collapsed. */
export function textOf(node: XmlNode | undefined): string {
  if (node === undefined) return '';
  const parts: string[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key.startsWith('@')) continue;
    if (typeof value === 'string') parts.push(value);
    else
      for (const child of Array.isArray(value) ? value : [value])
        parts.push(typeof child === 'string' ? child : textOf(child));
  }
  return decodeXmlText(parts.join(' ')).replace(/\s+/g, ' ').trim();
}

const PREDEFINED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes XML's predefined entities and character references; anything else stays as written. */
export function decodeXmlText(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code =
        name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return PREDEFINED[name] ?? whole;
  });
}
