// The small part of xml-writer (a CommonJS package without typings) that the GraphML export uses.
declare module 'xml-writer' {
  class XMLWriter {
    constructor(indent?: boolean | string);
    startDocument(version?: string, encoding?: string): this;
    endDocument(): this;
    startElement(name: string): this;
    endElement(): this;
    writeAttribute(name: string, value: string): this;
    writeElement(name: string, content: string): this;
    text(content: string): this;
    toString(): string;
  }
  export default XMLWriter;
}
