import { SaxesParser } from 'saxes';

/**
 * saxes reports an entity it does not know as "undefined entity." without its name. This remembers the
 * last name it looked up, so the message can say which one, and why: XML knows only its five entities
 * (and those a DOCTYPE declares, which these parsers refuse), while text pasted from web pages brings
 * HTML ones such as &nbsp; or &beta;.
 */
export function describingXmlErrors(parser: SaxesParser): (error: Error) => string {
  let lastEntity: string | null = null;
  const known = parser.ENTITIES;
  parser.ENTITIES = new Proxy(known, {
    get(target, name) {
      const value = Reflect.get(target, name) as string | undefined;
      if (value === undefined && typeof name === 'string') lastEntity = name;
      return value;
    },
  });
  return (error) => {
    const message = error.message.replace(/^\d+:\d+:\s*/, '');
    if (/^undefined entity/.test(message) && lastEntity !== null) {
      const name = lastEntity.length > 40 ? `${lastEntity.slice(0, 40)}…` : lastEntity;
      return `undefined entity &${name}; (XML knows only &amp; &lt; &gt; &quot; &apos; and numeric references such as &#160;: an HTML entity is not XML; write the character itself)`;
    }
    return message;
  };
}
