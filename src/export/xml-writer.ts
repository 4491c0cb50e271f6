import XMLWriterModule from 'xml-writer';

/**
 * xml-writer's class. It is a CommonJS module: Node hands ESM the class itself as the default
 * export, while its typings describe a `.default` property; this reads either.
 */
export const XMLWriter = ((XMLWriterModule as unknown as { default?: typeof XMLWriterModule }).default ??
  XMLWriterModule) as typeof XMLWriterModule;

/** An XML document being written (an instance of the class above). */
export type XMLWriter = XMLWriterModule;
