/**
 * A tiny XML well-formedness checker for the SVG tests (no dependency): elements nest and
 * close, attributes are quoted and not repeated, entity references are the five predefined
 * ones or numeric, there is one root element and nothing but comments, processing
 * instructions and white space around it. Returns the elements found, in document order.
 * Not a validating parser: no DTDs (a DOCTYPE is rejected), no namespaces resolution.
 */

/** An element as the checker saw it. */
export interface XmlElement {
  readonly name: string;
  readonly attributes: Readonly<Record<string, string>>;
  readonly depth: number;
  /** Character data directly inside the element (entities decoded). */
  text: string;
}

/** The document's root and every element, or a thrown `Error` saying where it is not well-formed. */
export function parseXml(source: string): { readonly root: XmlElement; readonly elements: readonly XmlElement[] } {
  const NAME = /^[A-Za-z_:][-A-Za-z0-9_:.]*/;
  const elements: XmlElement[] = [];
  const stack: XmlElement[] = [];
  let root: XmlElement | null = null;
  let rootClosed = false;
  let i = 0;
  const fail = (why: string): never => {
    const line = source.slice(0, i).split('\n').length;
    throw new Error(`not well-formed XML at line ${line}: ${why}`);
  };
  const decode = (text: string): string =>
    text.replace(/&([^;]*);?/g, (whole, ref: string) => {
      if (!whole.endsWith(';')) fail(`'&' not starting an entity reference: ${JSON.stringify(whole.slice(0, 12))}`);
      const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
      if (ref in named) return named[ref] as string;
      const m = /^#(?:x([0-9A-Fa-f]+)|([0-9]+))$/.exec(ref);
      if (m === null) fail(`unknown entity &${ref};`);
      return String.fromCodePoint(m![1] !== undefined ? parseInt(m![1], 16) : Number(m![2]));
    });
  if (source.charCodeAt(0) === 0xfeff) i = 1;
  while (i < source.length) {
    const lt = source.indexOf('<', i);
    const text = source.slice(i, lt === -1 ? source.length : lt);
    if (text.length > 0) {
      if (stack.length === 0 && text.trim() !== '') fail('text outside the root element');
      if (text.includes(']]>')) fail("']]>' in text");
      const decoded = decode(text);
      const top = stack[stack.length - 1];
      if (top) top.text += decoded;
    }
    if (lt === -1) break;
    i = lt;
    if (source.startsWith('<!--', i)) {
      const end = source.indexOf('-->', i + 4);
      if (end === -1) fail('unterminated comment');
      if (source.slice(i + 4, end).includes('--')) fail("'--' inside a comment");
      i = end + 3;
    } else if (source.startsWith('<?', i)) {
      const end = source.indexOf('?>', i + 2);
      if (end === -1) fail('unterminated processing instruction');
      if (source.startsWith('<?xml', i) && i > (source.charCodeAt(0) === 0xfeff ? 1 : 0)) fail('XML declaration not at the start');
      i = end + 2;
    } else if (source.startsWith('<![CDATA[', i)) {
      if (stack.length === 0) fail('CDATA outside the root element');
      const end = source.indexOf(']]>', i + 9);
      if (end === -1) fail('unterminated CDATA section');
      (stack[stack.length - 1] as XmlElement).text += source.slice(i + 9, end);
      i = end + 3;
    } else if (source.startsWith('<!', i)) {
      fail('DOCTYPE and other declarations are not accepted');
    } else if (source.startsWith('</', i)) {
      i += 2;
      const name = NAME.exec(source.slice(i))?.[0] ?? fail('end tag without a name');
      i += name.length;
      while (/\s/.test(source[i] ?? '')) i++;
      if (source[i] !== '>') fail(`malformed end tag </${name}`);
      i++;
      const open = stack.pop();
      if (open === undefined || open.name !== name) fail(`</${name}> does not close <${open?.name ?? '(nothing)'}>`);
      if (stack.length === 0) rootClosed = true;
    } else {
      i++;
      const name = NAME.exec(source.slice(i))?.[0] ?? fail('start tag without a name');
      i += name.length;
      if (stack.length === 0 && (root !== null || rootClosed)) fail('a second root element');
      const attributes: Record<string, string> = {};
      for (;;) {
        const ws = /^\s*/.exec(source.slice(i))?.[0].length ?? 0;
        i += ws;
        if (source.startsWith('/>', i) || source[i] === '>') break;
        if (ws === 0) fail(`attributes of <${name}> must be separated by white space`);
        const attr = NAME.exec(source.slice(i))?.[0] ?? fail(`bad attribute name in <${name}>`);
        i += attr.length;
        while (/\s/.test(source[i] ?? '')) i++;
        if (source[i] !== '=') fail(`attribute ${attr} of <${name}> has no value`);
        i++;
        while (/\s/.test(source[i] ?? '')) i++;
        const quote = source[i];
        if (quote !== '"' && quote !== "'") fail(`attribute ${attr} of <${name}> is not quoted`);
        const end = source.indexOf(quote as string, i + 1);
        if (end === -1) fail(`unterminated value of ${attr}`);
        const raw = source.slice(i + 1, end);
        if (raw.includes('<')) fail(`'<' in the value of ${attr}`);
        if (attr in attributes) fail(`attribute ${attr} repeated in <${name}>`);
        attributes[attr] = decode(raw);
        i = end + 1;
      }
      const element: XmlElement = { name, attributes, depth: stack.length, text: '' };
      elements.push(element);
      if (root === null) root = element;
      if (source.startsWith('/>', i)) {
        i += 2;
        if (stack.length === 0) rootClosed = true;
      } else {
        i += 1;
        stack.push(element);
      }
    }
  }
  if (stack.length > 0) fail(`<${(stack[stack.length - 1] as XmlElement).name}> is never closed`);
  if (root === null) fail('no root element');
  return { root: root as XmlElement, elements };
}
